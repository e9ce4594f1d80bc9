import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';

/**
 * Issue #12 defect 4 through the local API: text PostgreSQL cannot store (NUL, lone surrogates) is
 * cleaned in free text and refused with 400 in ids, and a non-numeric `after` is a 400, never a 500.
 */
const h = useHarness();

describe('text PostgreSQL cannot store', () => {
  it('answers a message whose text holds a NUL or a lone surrogate, with the text cleaned', async () => {
    await h.current.register('alice');
    expect((await h.current.post({ userId: 'alice', text: 'hello\u0000world' })).status).toBe(202);
    expect((await h.current.post({ userId: 'alice', text: 'hi \ud800 there', displayName: 'A\u0000' })).status).toBe(202);
  });

  it('refuses ids with such characters with 400 rather than altering them', async () => {
    for (const body of [
      { userId: 'a\u0000', text: 'help' },
      { userId: 'a\ud800', text: 'help' },
      { userId: 'a', channelId: 'c\u0000', text: 'help' },
      { id: 'm\udc00', userId: 'a', text: 'help' },
    ]) {
      const res = await h.current.post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('invalid input');
    }
    const users = await h.current.db.selectFrom('users').select('id').execute();
    expect(users).toHaveLength(0);
  });

  it('answers 400 for a non-numeric after in the inbox and channel listings', async () => {
    for (const path of ['/local/inbox/alice?after=abc', '/local/channels/team?after=1.5', '/local/inbox/a%00b']) {
      const res = await h.current.app.http.request(path);
      expect(res.status, path).toBe(400);
    }
    expect((await h.current.app.http.request('/local/inbox/alice?after=12')).status).toBe(200);
  });
});
