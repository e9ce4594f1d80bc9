import { expect } from 'vitest';
import { Hono } from 'hono';
import type { TestHarness } from '../support/test-app.ts';
import { mountAdminApi } from '../../src/http/api/index.ts';
import { loadUserApiActor } from '../../src/core/access/api-actor.ts';
import { createLogger } from '../../src/logger.ts';
import { userOf } from '../conversation/helpers.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** 李四 admin; 张三 manages 华东 with 王五; 赵六 manages 华西 with 孙七. Customers 华为 (east) and 腾讯 (west), one check-in each. */
export async function seedOrg(h: TestHarness) {
  await h.register('李四', '张三', '王五', '赵六', '孙七');
  await h.say('李四', '加入方式 开放');
  await h.say('李四', '创建团队 华东 经理 张三');
  await h.say('李四', '创建团队 华西 经理 赵六');
  await h.say('王五', '加入团队 华东');
  await h.say('孙七', '加入团队 华西');
  await h.say('李四', '新客户 华为 22.54,113.95');
  await h.say('李四', '新客户 腾讯 22.54,113.93');
  await h.say('王五', '签到 华为 22.54,113.95');
  await h.say('孙七', '签到 腾讯 22.54,113.93');
  const people = Object.fromEntries(await Promise.all(['李四', '张三', '王五', '赵六', '孙七'].map(async (n) => [n, await userOf(h, n)] as const)));
  const teams = Object.fromEntries((await h.db.selectFrom('teams').select(['id', 'name']).execute()).map((t) => [t.name, t.id]));
  const customers = Object.fromEntries((await h.db.selectFrom('customers').select(['id', 'name']).execute()).map((c) => [c.name, c.id]));
  expect(Object.keys(teams).sort()).toEqual(['华东', '华西']);
  return { people, teams, customers };
}

/** Creates a per-org token through the chat, as an admin would, and returns the text shown once. */
export async function newToken(h: TestHarness, admin: string, name: string): Promise<string> {
  const replies = await h.say(admin, `api token new ${name}`);
  const token = /lw_[A-Za-z0-9_-]{43}/.exec(replies.join('\n'))?.[0];
  if (!token) throw new Error(`no token in ${JSON.stringify(replies)}`);
  return token;
}

/** Requests through the whole app with a bearer token. */
export function client(h: TestHarness, token: string | undefined) {
  return (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    h.app.http.request(path, {
      method: init.method ?? 'GET',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
}

/**
 * The API as the console mounts it for a person's session: the same routes, the scope from the
 * person (a manager sees the teams they manage). The test names the person in a header.
 */
export function personClient(h: TestHarness, externalId: string) {
  const app = new Hono();
  mountAdminApi(app, {
    db: h.db,
    clock: h.clock,
    logger: createLogger('silent'),
    sessionActor: async () => loadUserApiActor(h.db, await userOf(h, externalId)),
  });
  return (path: string, init: { method?: string; body?: unknown } = {}) =>
    app.request(path, {
      method: init.method ?? 'GET',
      ...(init.body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) } : {}),
    });
}

/** A console session cookie for `userId`: asks for the link in chat and spends it, as a person would. */
export async function consoleCookie(h: TestHarness, userId: string): Promise<string> {
  const reply = await h.ask(userId, '后台');
  const path = /http:\/\/legwork\.test(\/console\/login\/\S+)/.exec(reply)?.[1];
  if (!path) throw new Error(`no console link in ${reply}`);
  const res = await h.app.http.request(path, { method: 'POST', headers: { origin: 'http://legwork.test', 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  expect(res.status).toBe(303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

export async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { status: number; code: string; detail?: string; errors?: { path: string }[] };
}

/** A second org with its own admin, team, customer and check-in, written directly: its ids must stay invisible. */
export async function seedOtherOrg(h: TestHarness) {
  const db = h.db;
  const org = await db.insertInto('orgs').values({ name: 'Other Co', checkin_radius_m: 300, report_deadline: '20:00', default_time_zone: 'America/New_York', default_language: 'en-US' }).returning('id').executeTakeFirstOrThrow();
  const admin = await db.insertInto('users').values({ org_id: org.id, display_name: 'Olga', role: 'admin', time_zone: 'America/New_York', language: 'en-US' }).returning('id').executeTakeFirstOrThrow();
  const team = await db.insertInto('teams').values({ org_id: org.id, name: 'North', manager_id: admin.id }).returning('id').executeTakeFirstOrThrow();
  const customer = await db.insertInto('customers').values({ org_id: org.id, name: 'Acme' }).returning('id').executeTakeFirstOrThrow();
  const at = new Date('2026-11-27T15:00:00Z');
  const visit = await db.insertInto('visits').values({ org_id: org.id, user_id: admin.id, customer_id: customer.id, source: 'check_in', started_at: at }).returning('id').executeTakeFirstOrThrow();
  const checkIn = await db
    .insertInto('check_ins')
    .values({ org_id: org.id, user_id: admin.id, customer_id: customer.id, visit_id: visit.id, kind: 'in', at, radius_m: 300, status: 'unverified', source_platform: 'local' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const report = await db
    .insertInto('daily_reports')
    .values({ org_id: org.id, user_id: admin.id, report_date: '2026-11-27', summary: JSON.stringify({ visits: 1, customers: ['Acme'], verified: 0, outside: 0, unverified: 1, noteOnly: 0, notes: [], followUps: 0 }), body: 'ok', submitted_at: at, late: false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const plan = await db.insertInto('visit_plans').values({ org_id: org.id, user_id: admin.id, customer_id: customer.id, local_date: '2026-11-28' }).returning('id').executeTakeFirstOrThrow();
  return { orgId: org.id, userId: admin.id, teamId: team.id, customerId: customer.id, visitId: visit.id, checkInId: checkIn.id, reportId: report.id, planId: plan.id };
}
