/**
 * Small helpers shared by the conversation tests: reading rows back the way a reviewer would check
 * them, and switching a user's language through the chat (never behind the bot's back).
 */
import { expect } from 'vitest';
import type { TestHarness } from '../support/test-app.ts';

/** Tables whose rows a user's command can create or change. */
const domainTables = [
  'users',
  'identities',
  'teams',
  'team_memberships',
  'customers',
  'visits',
  'check_ins',
  'daily_reports',
  'audit_log',
] as const;

type DomainTable = (typeof domainTables)[number];

export async function countRows(h: TestHarness, table: DomainTable | 'conversation_states' | 'processed_events' | 'outbox'): Promise<number> {
  const row = await h.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Everything a command could have changed: row counts per domain table plus the users' settings
 * and the visits' mutable fields. Compare two snapshots to prove "nothing changed".
 */
export async function snapshot(h: TestHarness): Promise<unknown> {
  const counts: Record<string, number> = {};
  for (const table of domainTables) counts[table] = await countRows(h, table);
  const users = await h.db.selectFrom('users').select(['display_name', 'role', 'time_zone', 'language']).orderBy('display_name').execute();
  const visits = await h.db
    .selectFrom('visits')
    .select(['id', 'ended_at', 'notes', 'next_step', 'follow_up_date'])
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  const reports = await h.db.selectFrom('daily_reports').select(['body', 'revision', 'late']).orderBy('report_date').execute();
  const teams = await h.db.selectFrom('teams').select(['name', 'bound_channel_ref']).orderBy('name').execute();
  return { counts, users, visits, reports, teams };
}

/** The user behind a local chat user id. */
export async function userOf(h: TestHarness, externalId: string) {
  return h.db
    .selectFrom('identities')
    .innerJoin('users', 'users.id', 'identities.user_id')
    .selectAll('users')
    .where('identities.platform', '=', 'local')
    .where('identities.external_id', '=', externalId)
    .executeTakeFirstOrThrow();
}

export async function customerNamed(h: TestHarness, name: string) {
  return h.db.selectFrom('customers').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
}

export async function checkIns(h: TestHarness, kind: 'in' | 'out' = 'in') {
  return h.db
    .selectFrom('check_ins')
    .innerJoin('customers', 'customers.id', 'check_ins.customer_id')
    .selectAll('check_ins')
    .select('customers.name as customer_name')
    .where('check_ins.kind', '=', kind)
    .orderBy('check_ins.at')
    .execute();
}

export async function visits(h: TestHarness) {
  return h.db
    .selectFrom('visits')
    .innerJoin('customers', 'customers.id', 'visits.customer_id')
    .selectAll('visits')
    .select('customers.name as customer_name')
    .orderBy('visits.started_at')
    .orderBy('visits.created_at')
    .execute();
}

/** Registers `userId` (dropping the welcome) and switches them to English through the chat. */
export async function registerInEnglish(h: TestHarness, userId: string): Promise<void> {
  await h.register(userId);
  expect(await h.ask(userId, 'language en')).toBe('I will reply in English.');
}

/** The link the bot sent for sharing a location, e.g. http://legwork.test/c/<token>. */
export const locationLink = /http:\/\/legwork\.test\/c\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/;

export const minutes = (n: number) => n * 60_000;

/** The customers checked in at, in the order of the check-ins. */
export async function checkedInCustomers(h: TestHarness): Promise<string[]> {
  const rows = await h.db
    .selectFrom('check_ins')
    .innerJoin('customers', 'customers.id', 'check_ins.customer_id')
    .select('customers.name')
    .where('check_ins.kind', '=', 'in')
    .orderBy('check_ins.at')
    .execute();
  return rows.map((r) => r.name);
}

/**
 * Issue #11 item 1 on platforms whose lists are numbered text: asks two lists (华为…, then 百度…),
 * types `1`, and checks it answered the newer list. `say` sends a text and returns the bot's answer.
 */
export async function expectNumberAnswersNewestList(h: TestHarness, say: (text: string) => Promise<string>): Promise<void> {
  for (const name of ['华为终端 22.54,113.95', '华为技术 22.60,113.90', '百度大厦 22.535,113.94', '百度科技园 22.53,113.93']) await say(`新客户 ${name}`);
  expect(await say('签到 华为 22.54,113.95')).toMatch(/1\. 华为/);
  const first = /1\. (百度\S+)/.exec(await say('签到 百度 22.535,113.94'))?.[1];
  expect(first).toBeDefined();
  expect(await say('1')).toContain(`已在 ${first} 签到`);
  expect(await checkedInCustomers(h)).toEqual([first]);
}

/** A team's members as `name:role`, by name. */
export async function teamMembers(h: TestHarness, team: string): Promise<string[]> {
  const rows = await h.db
    .selectFrom('team_memberships')
    .innerJoin('teams', 'teams.id', 'team_memberships.team_id')
    .innerJoin('users', 'users.id', 'team_memberships.user_id')
    .select(['users.display_name', 'team_memberships.role'])
    .where('teams.name', '=', team)
    .orderBy('users.display_name')
    .execute();
  return rows.map((r) => `${r.display_name}:${r.role}`);
}
