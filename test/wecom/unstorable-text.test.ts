import { describe, expect, it } from 'vitest';
import { signedCallback, textXml } from './support/callbacks.ts';
import { shownText, useWeComHarness } from './support/wecom-harness.ts';

/**
 * Issue #12 defect 4 through WeCom's encrypted XML callback: a NUL in the text is cleaned and the
 * message answered; in the sender id it is refused and nothing is stored. Never a 500. A lone
 * surrogate cannot cross this wire (the plaintext is UTF-8, so it arrives as U+FFFD, and the XML
 * reader leaves `&#xD800;` undecoded): the message is answered all the same.
 */
const w = useWeComHarness();

const text = (from: string, content: string, msgId: string) => textXml({ from, content, msgId, createTime: w.current.createTime() });

describe('WeCom text PostgreSQL cannot store', () => {
  it('answers a message whose text holds a NUL or a lone surrogate', async () => {
    for (const [content, msgId] of [['帮助\u0000', '8001'], ['帮助 \ud800', '8002']] as const) {
      const res = await w.current.post(signedCallback(text('zhangsan', content, msgId)));
      expect(res.status, content).toBe(200);
    }
    const sent = await w.current.delivered();
    expect(sent.length).toBeGreaterThan(1);
    // Nothing sent holds a NUL or half of a surrogate pair (an emoji such as 👍 is a whole pair).
    const shown = sent.map(shownText).join('\n');
    expect(shown).not.toContain('\u0000');
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(await w.current.h.db.selectFrom('processed_events').select('event_id').execute()).toHaveLength(2);
  });

  it('refuses a sender id holding a NUL and stores nothing', async () => {
    const res = await w.current.post(signedCallback(text('zhang\u0000san', '帮助', '8003')));
    expect(res.status).toBe(400);
    for (const table of ['processed_events', 'users', 'identities', 'outbox'] as const) {
      expect(await w.current.h.db.selectFrom(table).selectAll().execute(), table).toEqual([]);
    }
  });
});
