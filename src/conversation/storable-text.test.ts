import { describe, expect, it } from 'vitest';
import { cleanText, isStorableText, storableEvent, UnstorableInputError } from './storable-text.ts';
import type { InboundEvent } from './types.ts';

const event = (over: Partial<InboundEvent> & { externalId?: string } = {}): InboundEvent => ({
  platform: 'wecom',
  eventId: 'e1',
  tenantId: 'corp',
  sender: { externalId: over.externalId ?? 'zhang', displayName: 'Zhang' },
  conversation: { ref: 'wecom:user:zhang', kind: 'direct' },
  text: 'hello',
  receivedAt: new Date(0),
  ...over,
});

describe('storable text', () => {
  it('keeps paired surrogates (emoji) and drops NULs / replaces lone surrogates in free text', () => {
    expect(isStorableText('签到 👍')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('hi \ud800 there')).toBe(false);
    expect(isStorableText('\udc00x')).toBe(false);
    expect(cleanText('hello\u0000world')).toBe('helloworld');
    expect(cleanText('hi \ud800 there 👍')).toBe('hi \uFFFD there 👍');
  });

  it('cleans the text and name of any platform event, refuses ids instead of merging them', () => {
    const cleaned = storableEvent(event({ text: 'a\u0000b', sender: { externalId: 'zhang', displayName: 'Z\ud800' } }));
    expect(cleaned.text).toBe('ab');
    expect(cleaned.sender.displayName).toBe('Z\uFFFD');
    expect(() => storableEvent(event({ externalId: 'zhang\u0000' }))).toThrow(UnstorableInputError);
    expect(() => storableEvent(event({ eventId: 'e\ud800' }))).toThrow(/eventId/);
    expect(() => storableEvent(event({ conversation: { ref: 'wecom:group:\u0000', kind: 'group' } }))).toThrow(/conversation.ref/);
  });
});
