/**
 * What a check-out with a next step or follow-up date (`checkout met the buyer; next: send quote;
 * follow up: Fri`) adds to its answer, spread into en-US.ts; check-out-zh-CN.ts has the same keys.
 */
export const checkOutEnUS = {
  checkOutNextSteps: (p: { nextStep: string; followUp: string }) =>
    [p.nextStep ? `Next step: ${p.nextStep}` : null, p.followUp ? `Follow up on: ${p.followUp}` : null].filter(Boolean).join('\n'),
};
