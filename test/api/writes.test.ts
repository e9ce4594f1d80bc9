import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { ADMIN_TOKEN, client, newToken, problemOf, seedOrg, seedOtherOrg } from './support.ts';

const h = useHarness({ ADMIN_TOKEN });

async function setUp() {
  const org = await seedOrg(h.current);
  const other = await seedOtherOrg(h.current);
  const token = await newToken(h.current, '李四', 'hr');
  return { ...org, other, api: client(h.current, token) };
}

async function json<T = any>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function lastAudit(action: string) {
  const row = await h.current.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirstOrThrow();
  return { ...row, detail: typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail };
}

describe('changing people', () => {
  it("changes a person's role, team, time zone and language, audited with before and after", async () => {
    const { api, people, teams } = await setUp();
    const wang = people['王五']!.id;
    const user = await json(await api(`/api/v1/users/${wang}`, { method: 'PATCH', body: { teamId: teams['华西'], timeZone: 'Asia/Tokyo', language: 'en-US' } }));
    expect(user).toMatchObject({ timeZone: 'Asia/Tokyo', language: 'en-US', teams: [{ name: '华西', role: 'rep' }] });
    const audit = await lastAudit('user.updated');
    expect(audit.actor_user_id).toBeNull();
    expect(audit.detail).toMatchObject({
      via: { kind: 'apiToken', name: 'hr' },
      before: { timeZone: 'Asia/Shanghai', language: 'zh-CN', teamIds: [teams['华东']] },
      after: { timeZone: 'Asia/Tokyo', language: 'en-US', teamIds: [teams['华西']] },
    });
    expect((await json(await api(`/api/v1/users/${wang}`, { method: 'PATCH', body: { role: 'admin' } }))).role).toBe('admin');
  });

  it('refuses bad values, a manager demoted while managing, and other orgs', async () => {
    const { api, people, other } = await setUp();
    const bad = await api(`/api/v1/users/${people['王五']!.id}`, { method: 'PATCH', body: { timeZone: 'Mars/Olympus' } });
    expect(bad.status).toBe(422);
    expect((await problemOf(bad)).code).toBe('unprocessable');
    for (const body of [{}, { role: 'boss' }, { nickname: 'x' }]) {
      const res = await api(`/api/v1/users/${people['王五']!.id}`, { method: 'PATCH', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await problemOf(res)).code).toBe('validation_failed');
    }
    const demote = await api(`/api/v1/users/${people['张三']!.id}`, { method: 'PATCH', body: { role: 'rep' } });
    expect(demote.status).toBe(409);
    expect((await problemOf(demote)).code).toBe('conflict');
    // The org's only admin stays one (a token could otherwise leave the org with no admin at all).
    for (const role of ['manager', 'rep']) {
      const last = await api(`/api/v1/users/${people['李四']!.id}`, { method: 'PATCH', body: { role } });
      expect(last.status, role).toBe(409);
      expect((await problemOf(last)).detail).toContain('only admin');
    }
    expect((await json(await api(`/api/v1/users/${people['王五']!.id}`, { method: 'PATCH', body: { role: 'admin' } }))).role).toBe('admin');
    expect((await json(await api(`/api/v1/users/${people['李四']!.id}`, { method: 'PATCH', body: { role: 'manager' } }))).role).toBe('manager');
    const foreign = await api(`/api/v1/users/${other.userId}`, { method: 'PATCH', body: { language: 'zh-CN' } });
    expect(foreign.status).toBe(404);
    const foreignTeam = await api(`/api/v1/users/${people['王五']!.id}`, { method: 'PATCH', body: { teamId: other.teamId } });
    expect(foreignTeam.status).toBe(422);
  });
});

describe('changing customers', () => {
  it('creates, updates and deletes an unvisited customer, each audited', async () => {
    const { api, people } = await setUp();
    const created = await json(
      await api('/api/v1/customers', { method: 'POST', body: { name: '小米科技', aliases: ['小米'], tier: 'A', position: { lat: 39.9, lng: 116.3, system: 'gcj02' }, ownerId: people['王五']!.id } }),
      201,
    );
    expect(created).toMatchObject({ name: '小米科技', aliases: ['小米'], tier: 'A', original: { lat: 39.9, lng: 116.3, system: 'gcj02' }, owner: { name: '王五' }, lastVisitAt: null });
    expect(created.lat).not.toBe(39.9); // stored as WGS-84
    expect((await lastAudit('customer.created')).detail).toMatchObject({ before: null, after: { name: '小米科技', tier: 'A' } });
    // Found by pinyin initials, as in chat.
    expect((await json(await api('/api/v1/customers?q=xmkj'))).items.map((c: any) => c.name)).toEqual(['小米科技']);

    const updated = await json(await api(`/api/v1/customers/${created.id}`, { method: 'PATCH', body: { tier: 'B', address: '北京市海淀区' } }));
    expect(updated).toMatchObject({ tier: 'B', address: '北京市海淀区' });
    expect((await lastAudit('customer.updated')).detail).toMatchObject({ before: { tier: 'A', address: null }, after: { tier: 'B', address: '北京市海淀区' } });

    const deleted = await api(`/api/v1/customers/${created.id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await lastAudit('customer.deleted')).detail).toMatchObject({ before: { name: '小米科技' }, after: null });
    expect((await api(`/api/v1/customers/${created.id}`)).status).toBe(404);
  });

  it('keeps a visited customer (409), refuses a taken name (409), bad bodies (400) and other orgs (404)', async () => {
    const { api, customers, other } = await setUp();
    const visited = await api(`/api/v1/customers/${customers['华为']}`, { method: 'DELETE' });
    expect(visited.status).toBe(409);
    expect((await problemOf(visited)).code).toBe('customer_visited');
    const taken = await api('/api/v1/customers', { method: 'POST', body: { name: '华为' } });
    expect(taken.status).toBe(409);
    expect((await problemOf(taken)).code).toBe('name_taken');
    const renamed = await api(`/api/v1/customers/${customers['腾讯']}`, { method: 'PATCH', body: { name: '华为' } });
    expect(renamed.status).toBe(409);
    for (const body of [{}, { name: '' }, { name: 'x', tier: 'D' }, { name: 'x', position: { lat: 91, lng: 0 } }]) {
      const res = await api('/api/v1/customers', { method: 'POST', body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const unknownOwner = await api('/api/v1/customers', { method: 'POST', body: { name: 'x', ownerId: other.userId } });
    expect(unknownOwner.status).toBe(422);
    for (const method of ['PATCH', 'DELETE']) {
      const res = await api(`/api/v1/customers/${other.customerId}`, { method, ...(method === 'PATCH' ? { body: { tier: 'A' } } : {}) });
      expect(res.status, method).toBe(404);
    }
  });

  it('upserts customers in bulk by name, reporting bad rows by index', async () => {
    const { api } = await setUp();
    const result = await json(
      await api('/api/v1/customers/bulk', {
        method: 'POST',
        body: { customers: [{ name: '华为', tier: 'A' }, { name: '京东', position: { lat: 39.8, lng: 116.5, system: 'wgs84' } }, { name: '阿里', owner: '没有这个人' }] },
      }),
    );
    expect(result).toMatchObject({ created: 1, updated: 1, unchanged: 0, errors: [{ index: 2 }] });
    expect((await json(await api('/api/v1/customers?q=华为'))).items[0].tier).toBe('A');
    expect((await lastAudit('customers.bulk_upserted')).detail).toMatchObject({ after: { rows: 3, created: 1, updated: 1, failed: 1 } });
    expect((await api('/api/v1/customers/bulk', { method: 'POST', body: { customers: [] } })).status).toBe(400);
  });
});
