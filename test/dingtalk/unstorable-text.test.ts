import { describe, expect, it } from 'vitest';
import { countRows } from '../conversation/helpers.ts';
import { sessionReplies, signedHeaders, textMessage, useDingTalk } from './support.ts';

/**
 * Issue #12 defect 4 through DingTalk's signed HTTP callback (JSON can carry both "\u0000" and a
 * lone "\ud800"): in the text they are cleaned and the message answered; in the sender's id the
 * callback is refused with 400 and nothing is stored. Never a 500.
 */
const d = useDingTalk('http');

const post = (body: unknown) =>
  d.current.h.app.http.request('/dingtalk/callback', { method: 'POST', headers: signedHeaders(d.current.fake.app.clientSecret, d.current.h.clock.now().getTime()), body: JSON.stringify(body) });

describe('DingTalk text PostgreSQL cannot store', () => {
  it('answers a message whose text holds a NUL or a lone surrogate, cleaned', async () => {
    const messages = ['帮助\u0000', '帮助 \ud800'].map((text) => textMessage(d.current.fake, { staffId: 'rep0815', nick: '王\u0000五' }, text, { now: d.current.h.clock.now() }));
    for (const message of messages) expect((await post(message)).status).toBe(200);
    await d.current.h.app.delivery.drainOnce();
    for (const message of messages) expect(sessionReplies(d.current.fake, message.session).length).toBeGreaterThan(0);
    const [user] = await d.current.h.db.selectFrom('users').select('display_name').execute();
    expect(user?.display_name).toBe('王五');
  });

  it('refuses a sender id holding a NUL or a lone surrogate and stores nothing', async () => {
    for (const staffId of ['rep\u0000', 'rep\ud800']) {
      const res = await post(textMessage(d.current.fake, { staffId, nick: '王五' }, '帮助', { now: d.current.h.clock.now() }));
      expect(res.status, JSON.stringify(staffId)).toBe(400);
    }
    for (const table of ['processed_events', 'users', 'identities', 'outbox'] as const) expect(await countRows(d.current.h, table), table).toBe(0);
  });
});
