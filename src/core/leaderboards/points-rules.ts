import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import { audit } from '../shared/audit.ts';
import { DomainError } from '../shared/domain-error.ts';
import { loadActor } from '../access/load-actor.ts';
import { can } from '../access/permissions.ts';
import { requireAllowed } from '../access/require-allowed.ts';
import { resolveSettings, type ScheduleSettings } from '../schedules/settings.ts';
import { loadScheduleOverrides, saveScheduleOverrides } from '../schedules/settings-repository.ts';

/**
 * The leaderboard's points from chat: `积分规则` / `points` shows the rules in force for the sender
 * (the org's, with their team's own where it has some); an admin changes the org's
 * (`积分 核实拜访 3 备注 2 日报 1`), stored as the org's schedule overrides and audited.
 */
export type Points = ScheduleSettings['leaderboard']['points'];

const maxPoints = 1000;

/** Names a rule may be typed by, in either language. */
const RULE_NAMES: ReadonlyMap<string, keyof Points> = new Map([
  ...['核实拜访', '拜访', 'verified', 'verified visit', 'visit', 'visits'].map((w) => [w, 'verifiedVisit'] as const),
  ...['备注', '备注和下一步', 'notes', 'note'].map((w) => [w, 'notesAndNextStep'] as const),
  ...['日报', '按时日报', 'report', 'reports'].map((w) => [w, 'reportOnTime'] as const),
  ...['范围外', '场外', 'outside'].map((w) => [w, 'outsideVisit'] as const),
  ...['计划', '计划拜访', 'planned', 'plan'].map((w) => [w, 'plannedVisit'] as const),
]);

export async function showPoints({ db }: { db: Db }, input: { user: User }): Promise<{ points: Points; canChange: boolean }> {
  const team = await db.selectFrom('team_memberships').select('team_id').where('user_id', '=', input.user.id).orderBy('joined_at').executeTakeFirst();
  const [org, own] = await Promise.all([
    loadScheduleOverrides(db, 'org', input.user.org_id),
    team ? loadScheduleOverrides(db, 'team', team.team_id) : undefined,
  ]);
  const actor = await loadActor(db, input.user);
  return { points: resolveSettings(org, own).leaderboard.points, canChange: can(actor, { action: 'changeOrgSettings', orgId: input.user.org_id }) };
}

/** Changes the org's points; `changed` is false (and nothing is stored or audited) when they already were these. */
export async function setPoints({ db }: { db: Db }, input: { user: User; rules: string; now: Date }): Promise<{ points: Points; changed: boolean }> {
  await requireAllowed(db, await loadActor(db, input.user), { action: 'changeOrgSettings', orgId: input.user.org_id });
  const changes = parseRules(input.rules);
  const stored = await loadScheduleOverrides(db, 'org', input.user.org_id);
  const before = resolveSettings(stored).leaderboard.points;
  if ((Object.keys(changes) as (keyof Points)[]).every((rule) => before[rule] === changes[rule])) return { points: before, changed: false };
  const overrides = { ...stored, leaderboard: { ...stored.leaderboard, points: { ...stored.leaderboard?.points, ...changes } } };
  await saveScheduleOverrides({ db }, { scope: 'org', scopeId: input.user.org_id, orgId: input.user.org_id, overrides, now: input.now });
  const after = resolveSettings(overrides).leaderboard.points;
  await audit(db, input.user, 'org.points_changed', input.user.org_id, { before, after });
  return { points: after, changed: true };
}

/** `核实拜访 3 备注 2`, `verified 3, notes 2`, `verified visit=3`: name then whole number, in any order. */
function parseRules(typed: string): Partial<Points> {
  const pairs = [...typed.toLowerCase().matchAll(/([^\d,，;；=:：]+?)\s*[=:：]?\s*(-?\d+(?:\.\d+)?)/gu)];
  const rest = typed.toLowerCase().replace(/([^\d,，;；=:：]+?)\s*[=:：]?\s*(-?\d+(?:\.\d+)?)/gu, '').replace(/[\s,，;；]/gu, '');
  if (pairs.length === 0 || rest !== '') throw new DomainError('pointsUnreadable', { typed: typed.trim() });
  const changes: Partial<Points> = {};
  for (const [, name, number] of pairs) {
    const rule = RULE_NAMES.get(name!.replace(/[,，;；]/gu, '').trim());
    if (!rule) throw new DomainError('pointsUnreadable', { typed: typed.trim() });
    const value = Number(number);
    if (!Number.isInteger(value) || value < 0 || value > maxPoints) throw new DomainError('pointsOutOfRange', { max: maxPoints });
    changes[rule] = value;
  }
  return changes;
}
