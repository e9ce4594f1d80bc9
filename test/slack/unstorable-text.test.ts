import { describe, expect, it } from 'vitest';
import { countRows } from '../conversation/helpers.ts';
import { deliver, directMessage, postEvent, textOf, useSlack, zhang } from './support.ts';

/**
 * Issue #12 defect 4 through Slack's signed Events API (JSON can carry both "\u0000" and a lone
 * "\ud800"): in the text they are cleaned and the message answered; in an id the event is refused
 * (the decoder drops a malformed user id; the engine answers 400 for an event id) and nothing is stored. Never a 500.
 */
const ctx = useSlack();

describe('Slack text PostgreSQL cannot store', () => {
  it('answers a message whose text holds a NUL or a lone surrogate', async () => {
    for (const text of ['help\u0000', 'help \ud800']) expect((await postEvent(ctx, directMessage(zhang, text))).status).toBe(200);
    const { posted } = await deliver(ctx);
    expect(posted.length).toBeGreaterThan(1);
    expect(posted.map(textOf).join('\n')).not.toMatch(/\u0000/);
    expect(await countRows(ctx.h, 'processed_events')).toBe(2);
  });

  it('drops a sender id holding a NUL or a lone surrogate and stores nothing', async () => {
    // The decoder accepts only Slack-shaped ids ([A-Z0-9]): the event is acknowledged and ignored.
    for (const id of ['U0ZHANG\u0000', 'U0ZHANG\ud800']) {
      const res = await postEvent(ctx, directMessage({ ...zhang, id }, 'help'));
      expect(res.status, JSON.stringify(id)).toBe(200);
    }
    for (const table of ['processed_events', 'users', 'identities', 'outbox'] as const) expect(await countRows(ctx.h, table), table).toBe(0);
  });

  it('refuses an event id holding a NUL or a lone surrogate with 400 and stores nothing', async () => {
    for (const eventId of ['Ev01\u0000', 'Ev01\ud800']) {
      const res = await postEvent(ctx, directMessage(zhang, 'help', eventId));
      expect(res.status, JSON.stringify(eventId)).toBe(400);
    }
    for (const table of ['processed_events', 'users', 'identities', 'outbox'] as const) expect(await countRows(ctx.h, table), table).toBe(0);
  });
});
