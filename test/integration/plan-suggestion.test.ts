import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import type { User } from '../../src/db/schema.ts';
import { ManualClock } from '../../src/core/shared/clock.ts';
import { localDayRange } from '../../src/core/shared/local-day.ts';
import { groupNearby, suggestPlan, type SuggestedStop } from '../../src/core/plans/suggest-plans.ts';
import { findOverdueCustomers } from '../../src/core/schedules/overdue-customers.ts';
import { loadSettingsBook, saveScheduleOverrides } from '../../src/core/schedules/settings-repository.ts';
import { loadSettingsOfUser } from '../../src/core/schedules/settings-of-user.ts';
import { teamOfUser } from '../../src/core/schedules/team-context.ts';
import type { ScheduleOverrides } from '../../src/core/schedules/settings.ts';
import { createTestDatabase, resetDatabase } from '../support/test-database.ts';

/**
 * `建议计划` reads its candidates in one statement (src/core/plans/suggestion-candidates.ts) and a
 * person's settings in another (src/core/schedules/settings-of-user.ts). Here its suggestions are
 * compared with the definition written out the long way: the team's settings from the settings
 * book, every follow-up, every overdue customer as the digests list them (findOverdueCustomers), the
 * planned stops skipped in JS, then the same grouping. Randomised orgs (fixed seeds): follow-ups on
 * other owners' customers and twice on one customer, planned, cancelled and done stops, customers
 * never visited, visited by someone else, or visited that very day, tiers switched off by settings.
 */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(async () => {
  await resetDatabase(handle);
});

const zone = 'Asia/Shanghai';
const now = new Date('2026-11-27T02:00:00Z'); // Friday 10:00 in Shanghai
const dayMs = 86_400_000;
const dates = ['2026-11-27', '2026-11-28', '2026-12-03'];

/** mulberry32: a small seeded generator, so a failing case can be run again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Org {
  rep: User;
  others: User[];
}

async function user(orgId: string, name: string, role: 'rep' | 'manager' | 'admin'): Promise<User> {
  return handle.db
    .insertInto('users')
    .values({ org_id: orgId, display_name: name, role, time_zone: zone, language: 'en-US', created_at: new Date(now.getTime() - 400 * dayMs) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function team(orgId: string, name: string, manager: User, reps: User[], overrides?: ScheduleOverrides): Promise<string> {
  const { id } = await handle.db
    .insertInto('teams')
    .values({ org_id: orgId, name, manager_id: manager.id, bound_channel_ref: null, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await handle.db.insertInto('team_memberships').values({ team_id: id, user_id: manager.id, role: 'manager', joined_at: now }).execute();
  for (const [i, rep] of reps.entries()) {
    await handle.db.insertInto('team_memberships').values({ team_id: id, user_id: rep.id, role: 'rep', joined_at: new Date(now.getTime() - (10 - i) * 1000) }).execute();
  }
  if (overrides) await saveScheduleOverrides({ db: handle.db }, { scope: 'team', scopeId: id, orgId, overrides, now });
  return id;
}

/** An org whose rep owns `owned` customers beside another rep's; visits, follow-ups and plans at random. */
async function randomOrg(seed: number, owned: number, settings: { org?: ScheduleOverrides; team?: ScheduleOverrides; inTeam: boolean; everyoneVisited?: boolean; followUpShare?: number }): Promise<Org> {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const { id: orgId } = await handle.db
    .insertInto('orgs')
    .values({ name: `org-${seed}`, checkin_radius_m: 500, report_deadline: '20:00', default_time_zone: zone, default_language: 'en-US' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rep = await user(orgId, 'rep', 'rep');
  const others = [await user(orgId, 'other', 'rep'), await user(orgId, 'boss', 'manager')];
  if (settings.org) await saveScheduleOverrides({ db: handle.db }, { scope: 'org', scopeId: orgId, orgId, overrides: settings.org, now });
  // The rep also manages a team of their own (joined earlier): "my team" is still the one they are a rep in.
  await team(orgId, 'side', rep, [others[0]!], { reminders: { keyCustomerDays: { A: 1, B: 1, C: 1 } }, plans: { suggestStops: 25 } });
  if (settings.inTeam) await team(orgId, 'east', others[1]!, [rep, others[0]!], settings.team);
  const customers: string[] = [];
  for (let n = 0; n < owned + 20; n++) {
    const { id } = await handle.db
      .insertInto('customers')
      .values({
        org_id: orgId,
        // Same-length lowercase names sort alike in every collation (the database orders them).
        name: `cust${String(n).padStart(4, '0')}`,
        tier: pick(['A', 'B', 'C'] as const),
        lat: next() < 0.1 ? null : 31 + next() * 0.3,
        lng: next() < 0.1 ? null : 121 + next() * 0.3,
        owner_id: n < owned ? rep.id : others[0]!.id,
        created_at: new Date(now.getTime() - Math.floor(next() * 200) * dayMs - Math.floor(next() * dayMs)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    customers.push(id);
    const visits = settings.everyoneVisited ? 1 + Math.floor(next() * 3) : Math.floor(next() * 4);
    for (let v = 0; v < visits; v++) {
      const started = new Date(now.getTime() - Math.floor(next() * 150 * dayMs));
      await handle.db
        .insertInto('visits')
        .values({
          org_id: orgId,
          user_id: next() < 0.8 ? rep.id : others[0]!.id,
          customer_id: id,
          source: 'check_in',
          started_at: started,
          ended_at: new Date(started.getTime() + 3_600_000),
          follow_up_date: next() < (settings.followUpShare ?? 0.15) ? pick(dates) : null,
        })
        .execute();
    }
  }
  // A follow-up twice on one customer, and one on a customer the rep does not own.
  for (const customerId of [customers[0]!, customers[0]!, customers[owned + 1]!]) {
    await handle.db
      .insertInto('visits')
      .values({ org_id: orgId, user_id: rep.id, customer_id: customerId, source: 'note_only', started_at: now, follow_up_date: dates[1]! })
      .execute();
  }
  for (const date of dates) {
    for (let i = 0; i < 6; i++) {
      await handle.db
        .insertInto('visit_plans')
        .values({ org_id: orgId, user_id: rep.id, customer_id: pick(customers), local_date: date, state: pick(['planned', 'cancelled', 'done', 'missed'] as const), planned_by: rep.id })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  return { rep, others };
}

/** What `建议计划` means, the long way (the implementation before it read everything in one statement). */
async function suggestedTheLongWay(rep: User, date: string): Promise<SuggestedStop[]> {
  const book = await loadSettingsBook(handle.db);
  const settings = (await teamOfUser(handle.db, book, rep.id))?.settings ?? book.for(rep.org_id, null);
  const planned = new Set(
    (await handle.db.selectFrom('visit_plans').select('customer_id').where('user_id', '=', rep.id).where('local_date', '=', date).where('state', '<>', 'cancelled').execute()).map(
      (r) => r.customer_id,
    ),
  );
  const followUps = await handle.db
    .selectFrom('visits as v')
    .innerJoin('customers as c', 'c.id', 'v.customer_id')
    .select(['c.id', 'c.name', 'c.tier', 'c.lat', 'c.lng'])
    .where('v.user_id', '=', rep.id)
    .where('v.follow_up_date', '=', date)
    .orderBy('c.name')
    .execute();
  const { end } = localDayRange(date, zone);
  const overdue = (await findOverdueCustomers(handle.db, { ownerIds: [rep.id], now: end, daysFor: () => settings.reminders.keyCustomerDays })).get(rep.id) ?? [];
  const seen = new Set(planned);
  const due: SuggestedStop[] = [];
  for (const c of followUps) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    due.push({ customerId: c.id, name: c.name, tier: c.tier, reason: 'followUp', days: null, lat: c.lat, lng: c.lng });
  }
  for (const c of overdue) {
    if (seen.has(c.customerId)) continue;
    seen.add(c.customerId);
    due.push({ customerId: c.customerId, name: c.name, tier: c.tier, reason: c.days === null ? 'never' : 'overdue', days: c.days, lat: c.lat ?? null, lng: c.lng ?? null });
  }
  return groupNearby(due, settings.plans.suggestStops);
}

async function suggested(rep: User, date: string): Promise<SuggestedStop[]> {
  const suggestion = await suggestPlan({ db: handle.db, clock: new ManualClock(now) }, { user: rep, whenText: date });
  if (!suggestion.ok) throw new Error(`no suggestion for ${date}: ${suggestion.problem}`);
  return suggestion.stops;
}

const scenarios: Array<{ name: string; seed: number; owned: number; settings: Parameters<typeof randomOrg>[2] }> = [
  { name: 'defaults, in a team without overrides', seed: 1, owned: 60, settings: { inTeam: true } },
  { name: 'a rep in no team but the one they manage (its 25 stops, 1-day intervals)', seed: 2, owned: 60, settings: { inTeam: false, org: { reminders: { keyCustomerDays: { A: 3, B: 20, C: 60 } } } } },
  {
    name: 'team overrides over org overrides, tier C not tracked, 4 stops',
    seed: 3,
    owned: 80,
    settings: { inTeam: true, org: { reminders: { keyCustomerDays: { A: 3 } } }, team: { reminders: { keyCustomerDays: { B: 10, C: null } }, plans: { suggestStops: 4 } } },
  },
  { name: 'one stop, so follow-ups fill it', seed: 4, owned: 40, settings: { inTeam: true, team: { plans: { suggestStops: 1 } } } },
  {
    name: 'two stops from a pool of six out of many due: the cut decides',
    seed: 7,
    owned: 150,
    settings: { inTeam: true, followUpShare: 0, team: { plans: { suggestStops: 2 } } },
  },
  {
    name: 'every customer visited, so the most days decide the pool',
    seed: 9,
    owned: 150,
    settings: { inTeam: true, everyoneVisited: true, followUpShare: 0, team: { plans: { suggestStops: 2 } } },
  },
  { name: 'no tier tracked: follow-ups only', seed: 5, owned: 40, settings: { inTeam: true, team: { reminders: { keyCustomerDays: { A: null, B: null, C: null } } } } },
];

describe('plan suggestions read in one statement', () => {
  for (const scenario of scenarios) {
    it(`suggest the same stops as the definition: ${scenario.name}`, async () => {
      const { rep } = await randomOrg(scenario.seed, scenario.owned, scenario.settings);
      for (const date of dates) {
        const expected = await suggestedTheLongWay(rep, date);
        expect(await suggested(rep, date), date).toEqual(expected);
      }
    });
  }

  it('a stop already planned that day (to do or done) is not suggested again; a cancelled one is', async () => {
    const { rep } = await randomOrg(8, 150, { inTeam: true, followUpShare: 0, team: { plans: { suggestStops: 2 } } });
    const date = dates[2]!;
    const first = await suggested(rep, date);
    expect(first).toHaveLength(2);
    const plan = (customerId: string, state: 'planned' | 'done' | 'cancelled') =>
      handle.db.insertInto('visit_plans').values({ org_id: rep.org_id, user_id: rep.id, customer_id: customerId, local_date: date, state, planned_by: rep.id }).execute();
    await plan(first[0]!.customerId, 'cancelled');
    expect(await suggested(rep, date)).toEqual(first);
    await plan(first[0]!.customerId, 'planned');
    await plan(first[1]!.customerId, 'done');
    const second = await suggested(rep, date);
    expect(second).toHaveLength(2);
    expect(second.map((s) => s.customerId)).not.toContain(first[0]!.customerId);
    expect(second.map((s) => s.customerId)).not.toContain(first[1]!.customerId);
    expect(second).toEqual(await suggestedTheLongWay(rep, date));
  });

  it('the cases above are not vacuous: follow-ups, never-visited and overdue customers are all suggested', async () => {
    const { rep } = await randomOrg(1, 60, { inTeam: true });
    const reasons = new Set((await Promise.all(dates.map((date) => suggested(rep, date)))).flat().map((s) => s.reason));
    expect([...reasons].sort()).toEqual(['followUp', 'never', 'overdue']);
  });
});

describe("one person's settings in one statement", () => {
  it('are the settings of the team teamOfUser picks, else the org', async () => {
    const { rep, others } = await randomOrg(6, 0, { inTeam: true, org: { plans: { suggestStops: 9 } }, team: { plans: { suggestStops: 3 } } });
    const book = await loadSettingsBook(handle.db);
    for (const person of [rep, ...others]) {
      const viaBook = (await teamOfUser(handle.db, book, person.id))?.settings ?? book.for(person.org_id, null);
      expect(await loadSettingsOfUser(handle.db, person), person.display_name).toEqual(viaBook);
    }
    // The rep's team (where they are a rep) wins over the one they manage; the boss manages only it.
    expect((await loadSettingsOfUser(handle.db, rep)).plans.suggestStops).toBe(3);
    const loner = await user(rep.org_id, 'loner', 'rep');
    expect((await loadSettingsOfUser(handle.db, loner)).plans.suggestStops).toBe(9);
  });
});
