import { describe, expect, it } from 'vitest';
import { whileDatabaseDown } from '../support/database-outage.ts';
import { sessionReplies, signedHeaders, textMessage, useDingTalk } from './support.ts';

/** Issue #12 defect 1: with the database away, a DingTalk HTTP callback answers 503 so DingTalk retries it. */
const d = useDingTalk('http');

describe('DingTalk callback while the database is unavailable', () => {
  it('answers 503, and the retry after the database is back is handled', async () => {
    const message = textMessage(d.current.fake, { staffId: 'rep0815', nick: '王五' }, '帮助', { now: d.current.h.clock.now() });
    const post = async () =>
      d.current.h.app.http.request('/dingtalk/callback', {
        method: 'POST',
        headers: signedHeaders(d.current.fake.app.clientSecret, d.current.h.clock.now().getTime()),
        body: JSON.stringify(message),
      });
    expect((await whileDatabaseDown(post)).status).toBe(503);
    expect((await post()).status).toBe(200);
    await d.current.h.app.delivery.drainOnce();
    expect(sessionReplies(d.current.fake, message.session).length).toBeGreaterThan(0);
  });
});
