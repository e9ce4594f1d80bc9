import type { InboundEvent } from './types.ts';

/** NUL, which PostgreSQL text cannot hold, and UTF-16 surrogates without their pair (not valid UTF-8). */
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when PostgreSQL can store `value` as text. */
export function isStorableText(value: string): boolean {
  unstorable.lastIndex = 0;
  return !unstorable.test(value);
}

/** Free text with NULs dropped and lone surrogates replaced by U+FFFD, as a UTF-8 decoder would. */
export function cleanText(value: string): string {
  return value.replace(unstorable, (match) => (match === '\u0000' ? '' : '\uFFFD'));
}

/** An inbound event carried an id PostgreSQL cannot store; refused (400), never altered. */
export class UnstorableInputError extends Error {
  readonly code = 'unstorableInput';
  constructor(readonly field: string) {
    super(`${field} contains a NUL byte or an unpaired UTF-16 surrogate`);
    this.name = 'UnstorableInputError';
  }
}

/**
 * Every platform's events pass here before the engine stores anything: free text (message, display
 * name, location label) is cleaned; ids are refused rather than altered, since two distinct ids that
 * differ only in such a character must never become one person or one conversation.
 */
export function storableEvent(event: InboundEvent): InboundEvent {
  const ids: [string, string | undefined][] = [
    ['eventId', event.eventId],
    ['tenantId', event.tenantId],
    ['sender.externalId', event.sender.externalId],
    ['sender.directRef', event.sender.directRef],
    ['sender.timeZone', event.sender.timeZone],
    ['conversation.ref', event.conversation.ref],
  ];
  for (const [field, value] of ids) {
    if (value !== undefined && !isStorableText(value)) throw new UnstorableInputError(field);
  }
  return {
    ...event,
    sender: { ...event.sender, ...(event.sender.displayName !== undefined ? { displayName: cleanText(event.sender.displayName) } : {}) },
    ...(event.text !== undefined ? { text: cleanText(event.text) } : {}),
    ...(event.location?.label !== undefined ? { location: { ...event.location, label: cleanText(event.location.label) } } : {}),
  };
}
