/**
 * The answer to a greeting (`hi`, `hello`) from someone Legwork already knows, and to `cancel`,
 * spread into en-US.ts; greetings-zh-CN.ts provides the same keys. A newcomer's greeting is answered
 * by the welcome instead.
 */
export const greetingsEnUS = {
  greetingReply: (p: { name: string }) => `Hello, ${p.name}! Type "help" to see what I can do.`,
  cancelled: () => 'OK, cancelled.',
  nothingToCancel: () => 'There is nothing to cancel.',
};
