import { sql, type Kysely } from 'kysely';
import { Queue } from 'bullmq';
import type { Database } from '../src/db/schema.ts';
import { ManualClock } from '../src/core/shared/clock.ts';
import { zonedDateTimeToInstant } from '../src/conversation/dates/local-date.ts';
import { instantsOf, periodOf, previousPeriod } from '../src/core/schedules/calendar.ts';
import { loadSettingsBook, saveScheduleOverrides } from '../src/core/schedules/settings-repository.ts';
import { loadTeam } from '../src/core/schedules/team-context.ts';
import { buildLeaderboard } from '../src/core/leaderboards/build-leaderboard.ts';
import { buildDailyDigest } from '../src/core/digests/build-daily-digest.ts';
import { buildWeeklyDigest } from '../src/core/digests/build-weekly-digest.ts';
import { loadManagedTeams } from '../src/core/digests/managed-teams.ts';
import { runDueReminders } from '../src/core/reminders/run-due-reminders.ts';
import { createOrg, seedLeaderboardOrg, seedPeople } from './scheduler-seed.ts';

/** Median wall time of `runs` calls after one warm-up call. */
export async function medianMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface Comparison {
  name: string;
  ms: number;
  baselineMs: number;
  baseline: string;
  ratio: number;
}

const compare = (name: string, ms: number, baselineMs: number, baseline: string): Comparison => ({ name, ms, baselineMs, baseline, ratio: ms / baselineMs });

/**
 * The baselines: hand-written SQL returning the same numbers as the board or digest, with no
 * application code around it (no ranking, no settings, no rendering).
 */
const bare = {
  /** Points per rep and week: check-ins by status (notes and next step on the visit), on-time reports. */
  async board(db: Kysely<Database>, orgId: string, from: Date, mid: Date, to: Date, firstDate: string, midDate: string, endDate: string) {
    await sql`select ci.user_id, ci.at >= ${mid} as this_week, count(*) as visits,
        count(*) filter (where ci.status = 'verified') as verified, count(*) filter (where ci.status = 'outside') as outside,
        count(*) filter (where ci.status = 'verified' and btrim(v.notes) <> '' and btrim(v.next_step) <> '') as verified_next
      from check_ins ci join visits v on v.id = ci.visit_id
      where ci.org_id = ${orgId} and ci.at >= ${from} and ci.at < ${to} and ci.kind = 'in'
      group by 1, 2`.execute(db);
    await sql`select user_id, report_date >= ${midDate}::date as this_week, count(*) from daily_reports
      where org_id = ${orgId} and report_date >= ${firstDate}::date and report_date < ${endDate}::date and not late group by 1, 2`.execute(db);
  },
  /** A day per rep: visits by status with customers and distances, reports, tomorrow's follow-ups, last visit per owned customer. */
  async day(db: Kysely<Database>, orgId: string, from: Date, to: Date, date: string, tomorrow: string) {
    await sql`select v.user_id, v.source, ci.status, c.name, ci.distance_m, v.ended_at from visits v
      join customers c on c.id = v.customer_id left join check_ins ci on ci.visit_id = v.id and ci.kind = 'in'
      where v.user_id in (select id from users where org_id = ${orgId}) and v.started_at >= ${from} and v.started_at < ${to}`.execute(db);
    await sql`select user_id, late from daily_reports where org_id = ${orgId} and report_date = ${date}::date`.execute(db);
    await sql`select v.user_id, c.name, v.next_step from visits v join customers c on c.id = v.customer_id
      where v.org_id = ${orgId} and v.follow_up_date = ${tomorrow}::date`.execute(db);
    await sql`select c.owner_id, c.id, (select max(v.started_at) from visits v where v.customer_id = c.id) from customers c
      where c.org_id = ${orgId} and c.owner_id is not null`.execute(db);
  },
  /** Two weeks per rep: the board's numbers plus reports in / late and distinct customers. */
  async weeks(db: Kysely<Database>, orgId: string, from: Date, mid: Date, to: Date, firstDate: string, midDate: string, endDate: string) {
    await bare.board(db, orgId, from, mid, to, firstDate, midDate, endDate);
    await sql`select user_id, report_date >= ${midDate}::date, count(*), count(*) filter (where late) from daily_reports
      where org_id = ${orgId} and report_date >= ${firstDate}::date and report_date < ${endDate}::date group by 1, 2`.execute(db);
    await sql`select user_id, started_at >= ${mid}, count(distinct customer_id) from visits
      where user_id in (select id from users where org_id = ${orgId}) and started_at >= ${from} and started_at < ${to} group by 1, 2`.execute(db);
  },
  /** For context only: the cheapest possible aggregate, check-ins counted per rep. */
  async countOnly(db: Kysely<Database>, orgId: string, from: Date, to: Date) {
    await sql`select user_id, count(*) from check_ins where org_id = ${orgId} and at >= ${from} and at < ${to} group by user_id`.execute(db);
  },
};

/**
 * Section 1: a weekly leaderboard and the daily and weekly digests for a 500-rep team with 200,000
 * check-ins, each beside a bare SQL aggregate over the same check-ins, in the same run.
 */
export async function measureBoardsAndDigests(
  db: Kysely<Database>,
  options: { reps: number; checkins: number; customers: number; runs: number },
): Promise<{ seedMs: number; comparisons: Comparison[] }> {
  const lastDay = '2026-10-30';
  const seedStarted = performance.now();
  const { orgId, teamId, managerId } = await seedLeaderboardOrg(db, { reps: options.reps, customers: options.customers, checkins: options.checkins, days: 200, lastDay });
  const seedMs = performance.now() - seedStarted;
  const book = await loadSettingsBook(db);
  const team = (await loadTeam(db, book, teamId))!;
  const zone = 'Asia/Shanghai';
  const week = periodOf('week', lastDay);
  const twoWeeks = instantsOf({ start: previousPeriod(week).start, end: week.end }, zone);
  const day = instantsOf(periodOf('day', lastDay), zone);
  const lastWeek = previousPeriod(week);
  const weeklySpan = instantsOf({ start: previousPeriod(lastWeek).start, end: lastWeek.end }, zone);
  const now = zonedDateTimeToInstant(lastDay, '19:00', zone);
  const teams = await loadManagedTeams(db, book, managerId);

  const comparisons: Comparison[] = [];
  const prev = previousPeriod(week);
  const midInstant = instantsOf(week, zone).from;
  const board = await medianMs(options.runs, () => buildLeaderboard(db, team, 'week', lastDay));
  const boardBase = await medianMs(options.runs, () => bare.board(db, orgId, twoWeeks.from, midInstant, twoWeeks.to, prev.start, week.start, week.end));
  comparisons.push(compare('weekly leaderboard (this week and last, ranked)', board, boardBase, 'bare SQL, same numbers'));
  const countOnly = await medianMs(options.runs, () => bare.countOnly(db, orgId, twoWeeks.from, twoWeeks.to));
  comparisons.push(compare('  (context: weekly leaderboard vs count(*) GROUP BY)', board, countOnly, 'check-ins per rep only'));
  const daily = await medianMs(options.runs, () => buildDailyDigest(db, { managerId, date: lastDay, now, teams }));
  const dailyBase = await medianMs(options.runs, () => bare.day(db, orgId, day.from, day.to, lastDay, '2026-10-31'));
  comparisons.push(compare('daily digest (500 reps)', daily, dailyBase, 'bare SQL, same numbers'));
  const before = previousPeriod(lastWeek);
  const weekly = await medianMs(options.runs, () => buildWeeklyDigest(db, { managerId, week: lastWeek, timeZone: zone, teams }));
  const weeklyBase = await medianMs(options.runs, () =>
    bare.weeks(db, orgId, weeklySpan.from, instantsOf(lastWeek, zone).from, weeklySpan.to, before.start, lastWeek.start, lastWeek.end),
  );
  comparisons.push(compare('weekly digest (500 reps, with trends)', weekly, weeklyBase, 'bare SQL, same numbers'));
  return { seedMs, comparisons };
}

/** Twenty zones with distinct offsets, from UTC-10 to UTC+13. */
export const benchZones = [
  'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Denver', 'America/Chicago', 'America/New_York',
  'America/Sao_Paulo', 'Atlantic/Azores', 'Europe/London', 'Europe/Berlin', 'Europe/Helsinki', 'Europe/Moscow', 'Asia/Dubai',
  'Asia/Karachi', 'Asia/Dhaka', 'Asia/Bangkok', 'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Brisbane', 'Pacific/Auckland',
] as const;

/**
 * Section 2: daily-report reminders for `users` people across 20 zones: the scheduler passes at
 * each zone's 18:00 write every reminder (recorded and queued in the outbox), beside bare BullMQ
 * `addBulk` of the same number of jobs on the same machine. Without REDIS_URL the baseline is skipped.
 */
export async function measureReminderScheduling(
  db: Kysely<Database>,
  options: { users: number; redisUrl?: string },
): Promise<{ seedMs: number; passes: number; written: number; people: number; ms: number; addBulkMs: number | null; ratio: number | null }> {
  const orgId = await createOrg(db, 'bench-reminders');
  // The 18:00 reminder alone: a follow-up an hour later would add the earlier zones' follow-ups to
  // the later passes.
  await saveScheduleOverrides({ db }, { scope: 'org', scopeId: orgId, orgId, overrides: { reminders: { reportFollowUpMinutes: 0 } }, now: new Date() });
  const seedStarted = performance.now();
  await seedPeople(db, { orgId, count: options.users, zones: benchZones, platform: 'local', prefix: 'person-' });
  const seedMs = performance.now() - seedStarted;
  // Each zone's 18:00 within one UTC day (Thursday or Friday locally: workdays everywhere).
  const dayStart = new Date('2026-10-30T00:00:00Z').getTime();
  const instants = benchZones
    .map((zone) => [zonedDateTimeToInstant('2026-10-29', '18:00', zone), zonedDateTimeToInstant('2026-10-30', '18:00', zone)].find((t) => t.getTime() >= dayStart && t.getTime() < dayStart + 86_400_000)!)
    .sort((a, b) => a.getTime() - b.getTime());
  const clock = new ManualClock(instants[0]!);
  let written = 0;
  const started = performance.now();
  for (const instant of instants) {
    clock.set(instant);
    written += (await runDueReminders({ db, clock })).written;
  }
  const ms = performance.now() - started;
  // Everyone reminded for their own Friday (or Thursday, west of UTC+6); passes early in the UTC day
  // also catch up zones still in Thursday evening, which is counted in `written` too.
  const people = Number(
    (await sql<{ n: string }>`select count(distinct user_id) as n from scheduled_sends where kind = 'report'`.execute(db)).rows[0]!.n,
  );
  let addBulkMs: number | null = null;
  if (options.redisUrl) {
    const queue = new Queue('bench', { connection: { url: options.redisUrl }, prefix: `legwork-bench-${process.pid}-${Date.now()}` });
    try {
      const t0 = performance.now();
      for (let i = 0; i < options.users; i += 1000) {
        const chunk = Array.from({ length: Math.min(1000, options.users - i) }, (_, j) => ({
          name: 'reminder',
          data: { userId: `person-${i + j}`, kind: 'report', date: '2026-10-30' },
          opts: { jobId: `reminder-report-person-${i + j}-2026-10-30` },
        }));
        await queue.addBulk(chunk);
      }
      addBulkMs = performance.now() - t0;
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  }
  return { seedMs, passes: instants.length, written, people, ms, addBulkMs, ratio: addBulkMs ? ms / addBulkMs : null };
}
