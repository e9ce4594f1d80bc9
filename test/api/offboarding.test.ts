import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { ADMIN_TOKEN, client, newToken, personClient, problemOf, seedOrg, seedOtherOrg } from './support.ts';

const h = useHarness({ ADMIN_TOKEN });

async function setUp() {
  const org = await seedOrg(h.current);
  const other = await seedOtherOrg(h.current);
  const token = await newToken(h.current, '李四', 'hr');
  return { ...org, other, api: client(h.current, token), admin: client(h.current, ADMIN_TOKEN) };
}

async function json<T = any>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function audits(action: string) {
  const rows = await h.current.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
  return rows.map((r) => ({ ...r, detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail }));
}

describe('deactivating and reactivating people over the API', () => {
  it('deactivates and reactivates with a per-org token, one audit line each naming the token', async () => {
    const { api, people } = await setUp();
    const wang = people['王五']!.id;
    const off = await json(await api(`/api/v1/users/${wang}/deactivate`, { method: 'POST' }));
    expect(off).toMatchObject({ id: wang, name: '王五' });
    expect(off.deactivatedAt).toMatch(/^2026-11-27T10:00:00\+08:00$/);
    // Idempotent: the first date stays, no second line.
    await json(await api(`/api/v1/users/${wang}/deactivate`, { method: 'POST' }));
    const lines = await audits('user.deactivated');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actor_user_id: null, subject_id: wang, detail: { via: { kind: 'apiToken', name: 'hr' } } });
    const on = await json(await api(`/api/v1/users/${wang}/reactivate`, { method: 'POST' }));
    expect(on.deactivatedAt).toBeNull();
    expect(await audits('user.reactivated')).toHaveLength(1);
  });

  it('is for admins only: a manager session is refused, other orgs and unseen people are 404', async () => {
    const { api, admin, people, other } = await setUp();
    const manager = personClient(h.current, '张三');
    const refused = await manager(`/api/v1/users/${people['王五']!.id}/deactivate`, { method: 'POST' });
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).code).toBe('forbidden');
    expect((await manager(`/api/v1/users/${people['孙七']!.id}/deactivate`, { method: 'POST' })).status).toBe(404);
    expect((await api(`/api/v1/users/${other.userId}/deactivate`, { method: 'POST' })).status).toBe(404);
    expect((await api(`/api/v1/users/${other.userId}?erase=true`, { method: 'DELETE' })).status).toBe(404);
    // ADMIN_TOKEN acts in the org it is pointed at.
    expect((await admin(`/api/v1/users/${other.userId}/deactivate?org=${other.orgId}`, { method: 'POST' })).status).toBe(200);
    expect(await h.current.db.selectFrom('users').select('deactivated_at').where('id', '=', people['王五']!.id).executeTakeFirstOrThrow()).toEqual({ deactivated_at: null });
  });

  it("an admin's session acts as that admin: audited under their id, and not on themselves", async () => {
    const { people } = await setUp();
    const li = personClient(h.current, '李四');
    await json(await li(`/api/v1/users/${people['孙七']!.id}/deactivate`, { method: 'POST' }));
    expect((await audits('user.deactivated'))[0]).toMatchObject({ actor_user_id: people['李四']!.id, detail: { via: { kind: 'console' } } });
    const self = await li(`/api/v1/users/${people['李四']!.id}/deactivate`, { method: 'POST' });
    expect(self.status).toBe(409);
  });
});

describe('erasing people over the API', () => {
  it('needs erase=true: a plain DELETE explains that deleting a person means erasure', async () => {
    const { api, people } = await setUp();
    for (const query of ['', '?erase=false']) {
      const res = await api(`/api/v1/users/${people['王五']!.id}${query}`, { method: 'DELETE' });
      expect(res.status).toBe(422);
      const problem = await problemOf(res);
      expect(problem.detail).toContain('erase=true');
      expect(problem.detail).toMatch(/erasing/);
    }
    expect((await h.current.db.selectFrom('users').select('erased_at').where('id', '=', people['王五']!.id).executeTakeFirstOrThrow()).erased_at).toBeNull();
  });

  it('erases, once: the audit line says an erasure happened and never names the person', async () => {
    const { api, people } = await setUp();
    const wang = people['王五']!.id;
    const erased = await json(await api(`/api/v1/users/${wang}?erase=true`, { method: 'DELETE' }));
    expect(erased).toEqual({ id: wang, name: '已离职员工 #1', formerNumber: 1 });
    expect(await json(await api(`/api/v1/users/${wang}?erase=true`, { method: 'DELETE' }))).toEqual(erased);
    const lines = await audits('user.erased');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ actor_user_id: null, subject_id: wang, detail: { via: { kind: 'apiToken', name: 'hr' } } });
    const everything = JSON.stringify(await h.current.db.selectFrom('audit_log').select('detail').execute());
    expect(everything).not.toContain('王五');
    const reactivate = await api(`/api/v1/users/${wang}/reactivate`, { method: 'POST' });
    expect(reactivate.status).toBe(409);
  });
});
