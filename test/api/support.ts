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
  return (path: string) => app.request(path);
}

export async function problemOf(res: Response) {
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as { status: number; code: string; detail?: string; errors?: { path: string }[] };
}
