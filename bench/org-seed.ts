import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import { searchKeysFor } from '../src/core/customers/match-customer-name.ts';

/**
 * The large org of `npm run bench:org`, written with set-based SQL (generate_series), never through
 * the chat: `reps` reps in teams of 20 (each with a manager), 10 customers per rep, 400 visits per
 * rep over the year up to `asOf` (5 check-ins per 4 visits: every fourth visit also has its
 * check-out), 60 days of daily reports, and the bookkeeping rows housekeeping prunes.
 *
 * Ids are sequential UUIDs (a per-table prefix and the row number), so each primary key is appended
 * to instead of filled at random, and a check-in names its visit without a join. The secondary
 * indexes of the big tables are dropped for the load and created again after it, from the
 * definitions the migrations made (read back from pg_indexes, so they are exactly the same).
 * Foreign keys are not checked during the load (session_replication_role = replica): the rows are
 * consistent by construction, and checking 10 million references would be most of the time.
 */
export interface OrgShape {
  reps: number;
  teams: number;
  customers: number;
  visits: number;
  checkIns: number;
  reportDays: number;
}

export const repsPerTeam = 20;
export const zone = 'Asia/Shanghai';

export function orgShape(reps: number): OrgShape {
  const visits = reps * 400;
  return {
    reps,
    teams: Math.max(1, Math.ceil(reps / repsPerTeam)),
    customers: reps * 10,
    visits,
    checkIns: visits + visits / 4,
    reportDays: 60,
  };
}

/** A sequential UUID: `prefix` names the table, `n` the row (a SQL expression). */
const seqId = (prefix: number, n: ReturnType<typeof sql>) =>
  sql`(${sql.lit(`${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-`)} || lpad(to_hex(${n}), 12, '0'))::uuid`;
export const ids = {
  org: '00000000-0000-4000-8000-000000000001',
  rep: (n: ReturnType<typeof sql>) => seqId(1, n),
  manager: (n: ReturnType<typeof sql>) => seqId(2, n),
  team: (n: ReturnType<typeof sql>) => seqId(3, n),
  customer: (n: ReturnType<typeof sql>) => seqId(4, n),
  visit: (n: ReturnType<typeof sql>) => seqId(5, n),
  checkIn: (n: ReturnType<typeof sql>) => seqId(6, n),
};

export const repName = (n: number) => `rep-${String(n).padStart(5, '0')}`;
export const managerName = (n: number) => `mgr-${String(n).padStart(4, '0')}`;
const prefixes = ['华东贸易', '南方电器', '北辰医药', '西湖茶业', '长江物流', '重庆机电', '绿源食品', '星海科技', '东方建材', '金桥汽配'];
export const customerName = (n: number) => `${prefixes[n % prefixes.length]}${String(n).padStart(6, '0')}`;

const bigTables = ['visits', 'check_ins', 'daily_reports', 'customers'] as const;

export interface SeedTimings {
  totalMs: number;
  steps: Record<string, number>;
}

/**
 * Seeds the org into a migrated, empty database. `asOf` is the instant the data ends at (now):
 * every rep's first visit is on that local day (earlier in the day than `asOf`).
 */
export async function seedLargeOrg(db: Kysely<Database>, shape: OrgShape, asOf: Date): Promise<SeedTimings> {
  const steps: Record<string, number> = {};
  const started = performance.now();
  const step = async (name: string, run: () => Promise<unknown>) => {
    const t0 = performance.now();
    await run();
    steps[name] = Math.round(performance.now() - t0);
  };
  // Search keys are computed by the application (pinyin); computed here by the same function.
  const names: string[] = [];
  const keys: string[] = [];
  await step('customer search keys (in Node)', async () => {
    for (let i = 0; i < shape.customers; i++) {
      names.push(customerName(i));
      keys.push(searchKeysFor(names[i]!, []).join('\u001f'));
    }
  });

  const { reps, teams, customers, visits, reportDays } = shape;
  // One connection for the whole load: the session settings below hold for it only.
  await db.connection().execute(async (conn) => {
    const run = (query: ReturnType<typeof sql>) => query.execute(conn);
    const dropped: string[] = [];
    await step('drop secondary indexes', async () => {
      const rows = await sql<{ indexdef: string; indexname: string }>`
        select i.indexname, i.indexdef from pg_indexes i
        where i.schemaname = 'public' and i.tablename in (${sql.join(bigTables)})
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(conn);
      for (const row of rows.rows) {
        await run(sql`drop index ${sql.id(row.indexname)}`);
        dropped.push(row.indexdef);
      }
    });
    await run(sql`set session_replication_role = replica`);
    await step('org, people, teams', async () => {
      await run(sql`insert into orgs (id, name, checkin_radius_m, report_deadline, default_time_zone, default_language)
        values (${ids.org}, 'bench-large-org', 500, '20:00', ${zone}, 'zh-CN')`);
      await run(sql`insert into org_tenants (platform, tenant_id, org_id) values ('local', 'local', ${ids.org})`);
      await run(sql`insert into users (id, org_id, display_name, role, time_zone, language, created_at)
        select ${ids.rep(sql`g`)}, ${ids.org}, 'rep-' || lpad(g::text, 5, '0'), 'rep', ${zone}, 'zh-CN', ${asOf}::timestamptz - interval '400 days'
        from generate_series(0, ${reps - 1}) g`);
      await run(sql`insert into users (id, org_id, display_name, role, time_zone, language, created_at)
        select ${ids.manager(sql`g`)}, ${ids.org}, 'mgr-' || lpad(g::text, 4, '0'), 'manager', ${zone}, 'zh-CN', ${asOf}::timestamptz - interval '400 days'
        from generate_series(0, ${teams - 1}) g`);
      await run(sql`insert into identities (platform, tenant_id, external_id, user_id, direct_ref)
        select 'local', 'local', u.display_name, u.id, 'local:user:' || u.display_name from users u where u.org_id = ${ids.org}`);
      await run(sql`insert into teams (id, org_id, name, manager_id, bound_channel_ref, created_at)
        select ${ids.team(sql`g`)}, ${ids.org}, 'team-' || lpad(g::text, 4, '0'), ${ids.manager(sql`g`)}, 'local:channel:team-' || lpad(g::text, 4, '0'),
          ${asOf}::timestamptz - interval '400 days'
        from generate_series(0, ${teams - 1}) g`);
      await run(sql`insert into team_memberships (team_id, user_id, role)
        select ${ids.team(sql`g % ${teams}`)}, ${ids.rep(sql`g`)}, 'rep' from generate_series(0, ${reps - 1}) g
        union all
        select ${ids.team(sql`g`)}, ${ids.manager(sql`g`)}, 'manager' from generate_series(0, ${teams - 1}) g`);
      // One rep in 50 keeps their name off the boards.
      await run(sql`insert into user_schedule_prefs (user_id, leaderboard_opt_out)
        select ${ids.rep(sql`g`)}, true from generate_series(0, ${reps - 1}) g where g % 50 = 7`);
    });
    // Customer c is owned by rep c % reps: A every tenth, B three in ten, the rest C; on a grid
    // ~1 km apart around Shanghai.
    await step('customers', () =>
      run(sql`insert into customers (id, org_id, name, tier, lat, lng, owner_id, search_keys, created_at, updated_at)
        select ${ids.customer(sql`(k.n - 1)`)}, ${ids.org}, k.name,
          case when (k.n - 1) % 10 = 0 then 'A' when (k.n - 1) % 10 <= 3 then 'B' else 'C' end,
          31.0 + ((k.n - 1) % 300) * 0.01, 121.0 + ((k.n - 1) / 300) * 0.01,
          ${ids.rep(sql`(k.n - 1) % ${reps}`)}, string_to_array(k.keys, E'\\x1f'),
          ${asOf}::timestamptz - interval '400 days', ${asOf}::timestamptz - interval '400 days'
        from unnest(${names}::text[], ${keys}::text[]) with ordinality as k(name, keys, n)`),
    );
    // Visit g: rep g % reps, the rep's k-th visit (k = g / reps) on day k·365/400 back from asOf's
    // local date, between 09:00 and 17:00; today's first visit moves to yesterday if not yet begun.
    // Mostly at the rep's own customers, one in five anywhere. 70 % verified, 10 % outside, 20 %
    // unverified; notes and next step on a third, a follow-up date a week later on one in twenty.
    // A tenth of the reps are still at their latest visit (open), the rest checked out after an hour.
    await step('visits', () =>
      run(sql`
        with p as (
          select g, g % ${reps} as r, g / ${reps} as k,
            ((${localDate(asOf)}::date - ((g / ${reps}) * 365 / 400)::int) + make_interval(mins => 540 + ((g * 37) % 480)))::timestamp as local_ts
          from generate_series(0, ${visits - 1}) g
        ), t as (
          select p.*, case when (p.local_ts at time zone ${zone}) > ${asOf}::timestamptz
            then (p.local_ts at time zone ${zone}) - interval '1 day' else (p.local_ts at time zone ${zone}) end as at
          from p
        )
        insert into visits (id, org_id, user_id, customer_id, source, started_at, ended_at, notes, next_step, follow_up_date, created_at, updated_at, local_date)
        select ${ids.visit(sql`g`)}, ${ids.org}, ${ids.rep(sql`r`)},
          ${ids.customer(sql`case when g % 5 = 4 then (g::bigint * 7919) % ${customers} else r + ${reps} * ((g / ${reps}) % 10) end`)},
          'check_in', at, case when k = 0 and r % 10 = 0 then null else at + interval '1 hour' end,
          case when g % 3 = 0 then '谈了新品的价格 ' || g end, case when g % 3 = 0 then '下周送样品' end,
          case when g % 20 = 0 then (at at time zone ${zone})::date + 7 end, at, at,
          -- The local date the service writes (the fill-in trigger is off under replica mode).
          (at at time zone ${zone})::date
        from t`),
    );
    // One check-in per visit, and a check-out for every fourth visit (5 check-ins per 4 visits), in
    // one pass over the visits: the visit's number g is read back from its sequential id.
    await step('check-ins', () =>
      run(sql`
        insert into check_ins (id, org_id, user_id, customer_id, visit_id, kind, at, lat, lng, distance_m, radius_m, status, source_platform, created_at)
        select (case when k.kind = 'in' then '00000006' else '00000007' end || substr(v.id::text, 9))::uuid,
          v.org_id, v.user_id, v.customer_id, v.id, k.kind, v.started_at + k.after, 31.2, 121.4,
          case when v.g % 10 = 7 then 2400 else 30 end, 500,
          case when v.g % 10 < 7 then 'verified' when v.g % 10 = 7 then 'outside' else 'unverified' end, 'local', v.started_at + k.after
        from (select v.*, ('x' || lpad(right(v.id::text, 12), 16, '0'))::bit(64)::bigint as g from visits v) v
        cross join (values ('in', interval '0'), ('out', interval '1 hour')) k(kind, after)
        where k.kind = 'in' or (v.g % 4 = 0 and v.ended_at is not null)`),
    );
    // Reports on weekdays of the last `reportDays` days: one in ten missing, one in seven late.
    await step('daily reports', () =>
      run(sql`
        insert into daily_reports (org_id, user_id, report_date, summary, body, submitted_at, late)
        select ${ids.org}, ${ids.rep(sql`r`)}, d.day, '{}'::jsonb, '今天拜访了三家客户',
          (d.day + time '18:30') at time zone ${zone}, (r + d.n) % 7 = 0
        from generate_series(1, ${reportDays}) as d0(n)
        cross join lateral (select ${localDate(asOf)}::date - d0.n as day, d0.n) d
        cross join generate_series(0, ${reps - 1}) r
        where extract(isodow from d.day) < 6 and (r + d.n) % 10 <> 0`),
    );
    // Bookkeeping for housekeeping: 40 dedupe rows and 40 delivered replies per rep over 30 and 60
    // days, a report-reminder ledger row per rep per day for 70 days, spent link nonces over 4 days.
    await step('bookkeeping rows', async () => {
      await run(sql`insert into processed_events (platform, event_id, processed_at)
        select 'local', 'seed-' || g, ${asOf}::timestamptz - make_interval(secs => (g::bigint * 7919) % (30 * 86400))
        from generate_series(0, ${reps * 40 - 1}) g`);
      await run(sql`insert into outbox (org_id, target_ref, message, status, attempts, available_at, created_at, sent_at)
        select ${ids.org}, 'local:user:rep-' || lpad((g % ${reps})::text, 5, '0'), '{"text":"已记录"}'::jsonb, 'sent', 1, t, t, t
        from generate_series(0, ${reps * 40 - 1}) g
        cross join lateral (select ${asOf}::timestamptz - make_interval(secs => (g::bigint * 7919) % (60 * 86400)) as t) x`);
      await run(sql`insert into scheduled_sends (key, kind, org_id, user_id, local_date, created_at)
        select 'reminder:report:' || ${ids.rep(sql`r`)} || ':' || (${localDate(asOf)}::date - d), 'report', ${ids.org}, ${ids.rep(sql`r`)},
          ${localDate(asOf)}::date - d, ${asOf}::timestamptz - make_interval(days => d)
        from generate_series(1, 70) d cross join generate_series(0, ${reps - 1}) r`);
      await run(sql`insert into location_tokens (nonce, user_id, used_at)
        select 'seed-' || g, ${ids.rep(sql`g % ${reps}`)}, ${asOf}::timestamptz - make_interval(secs => (g::bigint * 7919) % (4 * 86400))
        from generate_series(0, ${reps - 1}) g`);
    });
    await run(sql`set session_replication_role = origin`);
    await step('create indexes again', async () => {
      for (const definition of dropped) await run(sql.raw(definition));
    });
    // The planner's statistics and the visibility map, as a database that has lived a while has them.
    await step('vacuum analyze', () => run(sql`vacuum analyze`));
  });
  return { totalMs: Math.round(performance.now() - started), steps };
}

/** The local date of an instant in the org's zone. */
export function localDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
