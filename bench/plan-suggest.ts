/**
 * `npm run bench` (part) / `tsx bench/plan-suggest.ts [--customers N] [--owned N] [--runs N]
 * [--postgres | --database-url URL]`: how long `建议计划` (suggestPlan, issue 14) takes for a rep who
 * owns `--owned` customers (default 2,000) of an org with `--customers` (default 10,000 on the
 * embedded database, 100,000 on PostgreSQL), beside one bare SQL statement returning the same due
 * set (follow-ups due that day and customers past their tier's interval), in the same run, on the
 * same database. Target (issue 14): within 2× of the bare query. The due sets are compared, so the
 * baseline is known to do the same work. Prints a table and one `BENCH_JSON {...}` line; a missed
 * target is reported, not fatal.
 *
 * Full size: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres tsx bench/plan-suggest.ts`
 * (100,000 customers); the embedded default stays small enough for well under a minute.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { withThrowawayDatabase } from './lib/throwaway-database.ts';
import { ManualClock } from '../src/core/shared/clock.ts';
import { suggestPlan } from '../src/core/plans/suggest-plans.ts';
import { findOverdueCustomers } from '../src/core/schedules/overdue-customers.ts';
import { localDayRange } from '../src/core/shared/local-day.ts';
import { defaultScheduleSettings } from '../src/core/schedules/settings.ts';

const log = (line: string) => process.stderr.write(`[bench:plan-suggest] ${line}\n`);
const TARGET = 2;
const zone = 'Asia/Shanghai';
const asOf = new Date('2026-11-27T02:00:00Z'); // Friday 10:00 in Shanghai
const today = '2026-11-27';
const ORG = '00000000-0000-4000-8000-0000000000aa';
const REP = '00000000-0000-4000-8000-0000000000bb';
const OTHER_OWNERS = 49;

/**
 * The org, set-based: customer c is the rep's for c < owned, else one of 49 other reps'; A every
 * tenth, B three in ten, the rest C, on a ~1 km grid. Three visits per customer by its owner spread
 * over the last 200 days (so some of every tier are due), and a follow-up due today on one visit in 50.
 */
async function seed(db: Kysely<Database>, customers: number, owned: number): Promise<void> {
  const id = (prefix: string, n: ReturnType<typeof sql>) => sql`(${sql.lit(`${prefix}-0000-4000-8000-`)} || lpad(to_hex(${n}), 12, '0'))::uuid`;
  const owner = (c: ReturnType<typeof sql>) => sql`case when ${c} < ${owned} then ${REP}::uuid else ${id('000000cc', sql`(${c} % ${OTHER_OWNERS})`)} end`;
  await sql`insert into orgs (id, name, checkin_radius_m, report_deadline, default_time_zone, default_language)
    values (${ORG}, 'bench-plans', 500, '20:00', ${zone}, 'zh-CN')`.execute(db);
  await sql`insert into users (id, org_id, display_name, role, time_zone, language, created_at)
    values (${REP}, ${ORG}, 'bench-rep', 'rep', ${zone}, 'zh-CN', ${asOf}::timestamptz - interval '400 days')`.execute(db);
  await sql`insert into users (id, org_id, display_name, role, time_zone, language, created_at)
    select ${id('000000cc', sql`g`)}, ${ORG}, 'owner-' || g, 'rep', ${zone}, 'zh-CN', ${asOf}::timestamptz - interval '400 days'
    from generate_series(0, ${OTHER_OWNERS - 1}) g`.execute(db);
  await sql`insert into customers (id, org_id, name, tier, lat, lng, owner_id, search_keys, created_at, updated_at)
    select ${id('000000dd', sql`g`)}, ${ORG}, '客户' || lpad(g::text, 6, '0'),
      case when g % 10 = 0 then 'A' when g % 10 <= 3 then 'B' else 'C' end,
      31.0 + (g % 300) * 0.01, 121.0 + (g / 300) * 0.01, ${owner(sql`g`)}, array['kehu' || g],
      ${asOf}::timestamptz - interval '400 days', ${asOf}::timestamptz - interval '400 days'
    from generate_series(0, ${customers - 1}) g`.execute(db);
  await sql`insert into visits (org_id, user_id, customer_id, source, started_at, ended_at, follow_up_date, created_at, updated_at)
    select ${ORG}, ${owner(sql`(g % ${customers})`)}, ${id('000000dd', sql`(g % ${customers})`)}, 'check_in', t, t + interval '1 hour',
      case when g % 50 = 0 then ${today}::date end, t, t
    from generate_series(0, ${customers * 3 - 1}) g
    cross join lateral (select ${asOf}::timestamptz - make_interval(mins => ((g::bigint * 7919) % (200 * 1440))::int) - interval '1 hour' as t) x`.execute(db);
  await sql`analyze`.execute(db);
}

/** The same due set as suggestPlan computes, in one statement: follow-ups due that day, then overdue customers. */
async function bareDueSet(db: Kysely<Database>, end: Date, days: { A: number | null; B: number | null; C: number | null }): Promise<Set<string>> {
  const rows = await sql<{ id: string }>`
    select c.id from visits v join customers c on c.id = v.customer_id
    where v.user_id = ${REP} and v.follow_up_date = ${today}
    union
    select c.id from customers c
    where c.owner_id = ${REP}
      and coalesce((select max(v.started_at) from visits v where v.customer_id = c.id), c.created_at)
        <= ${end}::timestamptz - make_interval(days => case c.tier when 'A' then ${days.A ?? 100000}::int when 'B' then ${days.B ?? 100000}::int else ${days.C ?? 100000}::int end)`.execute(db);
  return new Set(rows.rows.map((r) => r.id));
}

async function medianMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await fn(); // warm
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      postgres: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      customers: { type: 'string' },
      owned: { type: 'string', default: '2000' },
      runs: { type: 'string', default: '7' },
    },
    strict: true,
  });
  const serverUrl = values['database-url'] ?? process.env.DATABASE_URL ?? (values.postgres ? 'postgres://postgres@127.0.0.1:5432/postgres' : undefined);
  const customers = Number(values.customers ?? (serverUrl ? 100_000 : 10_000));
  const owned = Math.min(Number(values.owned), customers);
  const runs = Number(values.runs);
  log(`database: ${serverUrl ? 'postgres' : 'pglite'}; ${customers} customers, the rep owns ${owned}`);
  const result = await withThrowawayDatabase(serverUrl, 'plans', async ({ db }) => {
    const t0 = performance.now();
    await seed(db, customers, owned);
    log(`seeded in ${Math.round(performance.now() - t0)} ms`);
    const user = await db.selectFrom('users').selectAll().where('id', '=', REP).executeTakeFirstOrThrow();
    const clock = new ManualClock(asOf);
    const { end } = localDayRange(today, zone);
    const days = defaultScheduleSettings.reminders.keyCustomerDays;
    // The same set both ways: the service's overdue customers plus follow-ups, and the bare statement.
    const overdue = (await findOverdueCustomers(db, { ownerIds: [REP], now: end, daysFor: () => days })).get(REP) ?? [];
    const followUps = await db.selectFrom('visits').select('customer_id').where('user_id', '=', REP).where('follow_up_date', '=', today).execute();
    const service = new Set([...overdue.map((c) => c.customerId), ...followUps.map((f) => f.customer_id)]);
    const bare = await bareDueSet(db, end, days);
    const same = service.size === bare.size && [...service].every((c) => bare.has(c));
    const suggestion = await suggestPlan({ db, clock }, { user });
    const suggestMs = await medianMs(runs, () => suggestPlan({ db, clock }, { user }));
    const bareMs = await medianMs(runs, () => bareDueSet(db, end, days));
    return { due: bare.size, same, stops: suggestion.ok ? suggestion.stops.length : 0, suggestMs, bareMs };
  });
  const ratio = result.suggestMs / result.bareMs;
  const met = ratio <= TARGET && result.same;
  process.stdout.write(
    `\nPlan suggestion (建议计划), median of ${runs} runs, ${customers} customers in the org, ${owned} owned by the rep\n` +
      `  due customers: ${result.due} (${result.same ? 'same set both ways' : 'SETS DIFFER'}); suggested stops: ${result.stops}\n` +
      `  suggestPlan ${result.suggestMs.toFixed(1)} ms, bare SQL ${result.bareMs.toFixed(1)} ms, ratio ${ratio.toFixed(2)}\n` +
      `  target: within ${TARGET}× of the bare query: ${met ? 'met' : 'MISSED'}\n`,
  );
  process.stdout.write(`BENCH_JSON ${JSON.stringify({ bench: 'plan-suggest', database: serverUrl ? 'postgres' : 'pglite', customers, owned, runs, ...result, ratio, target: TARGET, met })}\n`);
}

await main();
