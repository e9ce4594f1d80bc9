import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/test-app.ts';
import { ADMIN_TOKEN, client, newToken, problemOf, seedOrg, seedOtherOrg } from './support.ts';

const h = useHarness({ ADMIN_TOKEN });

async function setUp() {
  const org = await seedOrg(h.current);
  const other = await seedOtherOrg(h.current);
  const token = await newToken(h.current, '李四', 'crm');
  return { ...org, other, api: client(h.current, token) };
}

async function json<T = any>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe('reading resources with an org token', () => {
  it('lists and gets every kind of record, and answers 404 for the other org\'s ids', async () => {
    const { api, other, people, customers, teams } = await setUp();
    const checkIns = await json(await api('/api/v1/check-ins'));
    expect(checkIns.items.map((c: any) => c.customerName).sort()).toEqual(['华为', '腾讯']);
    expect(checkIns.items[0]).toMatchObject({ at: '2026-11-27T10:00:00+08:00', status: 'verified', distanceM: 0, mocked: false, accuracyFlagged: false });
    const one = checkIns.items[0];
    expect(await json(await api(`/api/v1/check-ins/${one.id}`))).toEqual(one);

    const visits = await json(await api(`/api/v1/visits?user=${people['王五']!.id}`));
    expect(visits.items).toHaveLength(1);
    expect(visits.items[0]).toMatchObject({ customerName: '华为', userName: '王五', status: 'verified', notes: null });
    expect((await json(await api(`/api/v1/visits/${visits.items[0].id}`))).id).toBe(visits.items[0].id);

    const users = await json(await api('/api/v1/users'));
    expect(users.items.map((u: any) => u.name)).toEqual(['李四', '张三', '王五', '赵六', '孙七']);
    expect((await json(await api(`/api/v1/users/${people['王五']!.id}`))).teams).toEqual([{ id: teams['华东'], name: '华东', role: 'rep' }]);

    const team = await json(await api(`/api/v1/teams/${teams['华东']}`));
    expect(team).toMatchObject({ name: '华东', manager: { name: '张三' }, boundChats: [] });
    expect(team.members.map((m: any) => m.name).sort()).toEqual(['张三', '王五']);
    expect((await json(await api('/api/v1/teams'))).items.map((t: any) => t.name)).toEqual(['华东', '华西']);

    expect((await json(await api(`/api/v1/customers/${customers['华为']}`))).lastVisitAt).toBe('2026-11-27T10:00:00+08:00');

    for (const path of [
      `/api/v1/check-ins/${other.checkInId}`,
      `/api/v1/visits/${other.visitId}`,
      `/api/v1/reports/${other.reportId}`,
      `/api/v1/plans/${other.planId}`,
      `/api/v1/users/${other.userId}`,
      `/api/v1/teams/${other.teamId}`,
      `/api/v1/customers/${other.customerId}`,
      `/api/v1/check-ins?user=${other.userId}`,
      `/api/v1/visits?team=${other.teamId}`,
      `/api/v1/reports?customer=${other.customerId}`,
      `/api/v1/exports/check-ins.csv?team=${other.teamId}`,
      `/api/v1/leaderboards?team=${other.teamId}`,
      `/api/v1/digests/daily?team=${other.teamId}`,
      `/api/v1/check-ins/00000000-0000-4000-8000-000000000000`,
    ]) {
      const res = await api(path);
      expect(res.status, path).toBe(404);
      expect((await problemOf(res)).code).toBe('not_found');
    }
    // The other org's rows never show up in lists either.
    expect((await json(await api('/api/v1/check-ins'))).items.some((c: any) => c.id === other.checkInId)).toBe(false);
  });

  it('filters by team, user, customer and local dates, and pages with a stable cursor', async () => {
    const { api, teams, customers } = await setUp();
    expect((await json(await api(`/api/v1/check-ins?team=${teams['华西']}`))).items.map((c: any) => c.userName)).toEqual(['孙七']);
    expect((await json(await api(`/api/v1/check-ins?customer=${customers['华为']}`))).items.map((c: any) => c.userName)).toEqual(['王五']);
    expect((await json(await api('/api/v1/check-ins?from=2026-11-27&to=2026-11-27'))).items).toHaveLength(2);
    expect((await json(await api('/api/v1/check-ins?from=2026-11-28'))).items).toHaveLength(0);
    expect((await json(await api('/api/v1/check-ins?to=2026-11-26'))).items).toHaveLength(0);

    const first = await json(await api('/api/v1/check-ins?limit=1'));
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await json(await api(`/api/v1/check-ins?limit=1&cursor=${first.nextCursor}`));
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(second.nextCursor).toBeNull();

    const users = await json(await api('/api/v1/users?limit=2'));
    const rest = await json(await api(`/api/v1/users?limit=10&cursor=${users.nextCursor}`));
    expect([...users.items, ...rest.items].map((u: any) => u.name)).toEqual(['李四', '张三', '王五', '赵六', '孙七']);
  });

  it('refuses malformed requests with problem details and a stable code', async () => {
    const { api } = await setUp();
    for (const path of [
      '/api/v1/check-ins?limit=0',
      '/api/v1/check-ins?from=2026-13-01',
      '/api/v1/visits?user=not-a-uuid',
      '/api/v1/reports?from=2026-11-28&to=2026-11-01',
      '/api/v1/plans?cursor=%%%',
      '/api/v1/users/123',
      '/api/v1/teams?limit=9999',
      '/api/v1/customers?cursor=bm9wZQ',
      '/api/v1/leaderboards?period=year',
      '/api/v1/digests/monthly',
      '/api/v1/audit-log?from=yesterday',
      '/api/v1/exports/check-ins.pdf',
      '/api/v1/check-ins/abc',
      '/api/v1/visits/abc',
      '/api/v1/reports/abc',
      '/api/v1/plans/abc',
      '/api/v1/customers/abc',
      '/api/v1/teams/abc',
    ]) {
      const res = await api(path);
      expect(res.status, path).toBe(400);
      const problem = await problemOf(res);
      expect(problem, path).toMatchObject({ status: 400, code: 'validation_failed', type: 'urn:legwork:problem:validation_failed' });
    }
  });

  it('reads reports with the late flag and plans', async () => {
    const { api } = await setUp();
    await h.current.say('王五', '日报 拜访了华为，明天跟进');
    h.current.clock.set('2026-11-27T14:30:00Z'); // 22:30 in Shanghai: after the 20:00 deadline
    await h.current.say('孙七', '日报 拜访了腾讯');
    await h.current.say('王五', '计划 明天 腾讯 10:00');
    const reports = await json(await api('/api/v1/reports'));
    expect(reports.items.map((r: any) => [r.userName, r.late])).toEqual(expect.arrayContaining([['王五', false], ['孙七', true]]));
    expect(reports.items.find((r: any) => r.userName === '王五')).toMatchObject({ reportDate: '2026-11-27', summary: { visits: 1, customers: ['华为'] } });
    const byCustomer = await json(await api(`/api/v1/reports?customer=${reports.items[0] && (await json(await api('/api/v1/customers?q=华为'))).items[0].id}`));
    expect(byCustomer.items.map((r: any) => r.userName)).toEqual(['王五']);
    const report = reports.items[0];
    expect((await json(await api(`/api/v1/reports/${report.id}`))).body).toBe(report.body);
    const plans = await json(await api('/api/v1/plans?from=2026-11-28&to=2026-11-28'));
    expect(plans.items).toMatchObject([{ userName: '王五', customerName: '腾讯', localDate: '2026-11-28', plannedTime: '10:00', state: 'planned' }]);
    expect((await json(await api(`/api/v1/plans/${plans.items[0].id}`))).id).toBe(plans.items[0].id);
  });

  it('computes leaderboards and digests for a period or date', async () => {
    const { api, teams } = await setUp();
    const boards = await json(await api('/api/v1/leaderboards?period=week&date=2026-11-27'));
    expect(boards.boards.map((b: any) => b.teamName)).toEqual(['华东', '华西']);
    expect(boards.boards[0]).toMatchObject({ period: { period: 'week', start: '2026-11-23', end: '2026-11-30' }, entries: [{ name: '王五', visits: 1, verified: 1, rank: 1 }] });
    expect((await json(await api(`/api/v1/leaderboards?team=${teams['华西']}&period=day&date=2026-11-26`))).boards[0].entries).toMatchObject([{ name: '孙七', visits: 0, points: 0 }]);
    const daily = await json(await api(`/api/v1/digests/daily?team=${teams['华东']}&date=2026-11-27`));
    expect(daily).toMatchObject({ kind: 'daily', date: '2026-11-27', teams: [{ name: '华东', reps: [{ name: '王五', report: 'missing', visits: { total: 1, verified: 1 } }] }] });
    const weekly = await json(await api(`/api/v1/digests/weekly?team=${teams['华东']}&date=2026-11-27`));
    expect(weekly).toMatchObject({ kind: 'weekly', week: { start: '2026-11-23' }, teams: [{ name: '华东', current: { visits: 1 } }] });
  });

  it('pages the audit log (admins only)', async () => {
    const { api } = await setUp();
    const page = await json(await api('/api/v1/audit-log?limit=3'));
    expect(page.items).toHaveLength(3);
    const next = await json(await api(`/api/v1/audit-log?limit=500&cursor=${page.nextCursor}`));
    expect(Number(next.items[0].id)).toBeGreaterThan(Number(page.items[2].id));
    expect(next.items.some((e: any) => e.action === 'api_token.created' && e.actor?.name === '李四')).toBe(true);
    expect((await json(await api('/api/v1/audit-log?action=team.created'))).items.length).toBeGreaterThan(0);
  });

  it('answers unknown API paths with a problem', async () => {
    const { api } = await setUp();
    const res = await api('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect((await problemOf(res)).code).toBe('not_found');
  });
});
