import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { ADMIN_TOKEN, client, newToken, personClient, problemOf, seedOrg, seedOtherOrg } from './support.ts';

const h = useHarness({ ADMIN_TOKEN });

/** The org of support.ts, with 王五's report filed; ids of his report and visit. */
async function setUp() {
  const org = await seedOrg(h.current);
  const other = await seedOtherOrg(h.current);
  await h.current.say('王五', '日报 拜访了华为');
  await h.current.newMessages('/local/inbox/王五');
  const wang = org.people['王五']!.id;
  const report = await h.current.db.selectFrom('daily_reports').select('id').where('user_id', '=', wang).executeTakeFirstOrThrow();
  const visit = await h.current.db.selectFrom('visits').select('id').where('user_id', '=', wang).executeTakeFirstOrThrow();
  return { ...org, other, reportId: report.id, visitId: visit.id };
}

const outboxRows = async () => (await h.current.db.selectFrom('outbox').select('id').execute()).length;

async function json<T = any>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe('comments over the API', () => {
  it("a manager's session replies to a report and likes a visit; the rep is told through the outbox", async () => {
    const { reportId, visitId, people } = await setUp();
    const manager = personClient(h.current, '张三');
    const queued = await outboxRows();
    const reply = await json(await manager(`/api/v1/reports/${reportId}/comments`, { method: 'POST', body: { text: '好，下周一起去' } }), 201);
    expect(reply).toMatchObject({ userId: people['王五']!.id, userName: '王五', kind: 'text', text: '好，下周一起去', delivered: true });
    const like = await json(await manager(`/api/v1/visits/${visitId}/comments`, { method: 'POST', body: { text: '👍' } }), 201);
    expect(like).toMatchObject({ kind: 'like', text: null, delivered: true });
    const comments = await h.current.db.selectFrom('comments').select(['author_id', 'kind']).orderBy('created_at').execute();
    expect(comments).toEqual([
      { author_id: people['张三']!.id, kind: 'text' },
      { author_id: people['张三']!.id, kind: 'like' },
    ]);
    expect(await outboxRows()).toBe(queued + 2);
    await h.current.app.delivery.drainOnce();
    const inbox = (await h.current.newMessages('/local/inbox/王五')).map((m) => m.text).join('\n');
    expect(inbox).toContain('张三');
    expect(inbox).toContain('好，下周一起去');
    expect(inbox).toContain('华为');
  });

  it('404 outside scope, 403 when the caller may not give feedback (a token signs as nobody), 422 for an empty reply', async () => {
    const { reportId, visitId, other } = await setUp();
    const token = client(h.current, await newToken(h.current, '李四', 'crm'));
    const queued = await outboxRows();
    const byToken = await token(`/api/v1/reports/${reportId}/comments`, { method: 'POST', body: { text: 'ok' } });
    expect(byToken.status).toBe(403);
    expect((await problemOf(byToken)).detail).toMatch(/person/);
    expect((await token(`/api/v1/reports/${other.reportId}/comments`, { method: 'POST', body: { text: 'ok' } })).status).toBe(404);
    expect((await token(`/api/v1/visits/${other.visitId}/comments`, { method: 'POST', body: { text: 'ok' } })).status).toBe(404);
    // 赵六 manages the other team: 王五's visit is not in his scope.
    expect((await personClient(h.current, '赵六')(`/api/v1/visits/${visitId}/comments`, { method: 'POST', body: { text: 'ok' } })).status).toBe(404);
    // 王五 sees his own report but does not answer himself.
    const self = await personClient(h.current, '王五')(`/api/v1/reports/${reportId}/comments`, { method: 'POST', body: { text: 'ok' } });
    expect(self.status).toBe(403);
    const empty = await personClient(h.current, '李四')(`/api/v1/reports/${reportId}/comments`, { method: 'POST', body: { text: '  ' } });
    expect(empty.status).toBe(422);
    expect((await personClient(h.current, '李四')(`/api/v1/reports/${reportId}/comments`, { method: 'POST', body: {} })).status).toBe(400);
    expect(await h.current.db.selectFrom('comments').select('id').execute()).toEqual([]);
    expect(await outboxRows()).toBe(queued);
  });
});
