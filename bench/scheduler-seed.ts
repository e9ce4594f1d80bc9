import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';

/**
 * Bulk fixtures for the scheduler benchmark, written with set-based SQL (generate_series) so seeding
 * 200,000 check-ins or 100,000 people takes seconds, not minutes. Deterministic: the same run twice
 * gives the same rows (apart from generated ids).
 */

export async function createOrg(db: Kysely<Database>, name: string): Promise<string> {
  const org = await db
    .insertInto('orgs')
    .values({ name, checkin_radius_m: 500, report_deadline: '20:00', default_time_zone: 'Asia/Shanghai', default_language: 'en-US' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return org.id;
}

/**
 * One team of `reps` reps (Asia/Shanghai) with a manager, `customers` customers owned round-robin,
 * and `checkins` check-ins (each with its visit) spread evenly over the `days` days up to `lastDay`:
 * 70 % verified, 10 % outside, 20 % unverified, a third with notes and a next step; one report per
 * rep per day, every seventh late.
 */
export async function seedLeaderboardOrg(
  db: Kysely<Database>,
  input: { reps: number; customers: number; checkins: number; days: number; lastDay: string },
): Promise<{ orgId: string; teamId: string; managerId: string }> {
  const orgId = await createOrg(db, 'bench-leaderboard');
  const manager = await db
    .insertInto('users')
    .values({ org_id: orgId, display_name: 'manager', role: 'manager', time_zone: 'Asia/Shanghai', language: 'en-US' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('identities').values({ platform: 'local', tenant_id: 'bench', external_id: 'manager', user_id: manager.id, direct_ref: 'local:user:manager' }).execute();
  const team = await db.insertInto('teams').values({ org_id: orgId, name: 'Bench', manager_id: manager.id, bound_channel_ref: 'local:channel:bench' }).returning('id').executeTakeFirstOrThrow();
  await sql`
    insert into users (org_id, display_name, role, time_zone, language)
    select ${orgId}, 'rep-' || lpad(g::text, 4, '0'), 'rep', 'Asia/Shanghai', 'en-US' from generate_series(1, ${input.reps}) g`.execute(db);
  await sql`
    insert into team_memberships (team_id, user_id, role)
    select ${team.id}, id, 'rep' from users where org_id = ${orgId} and role = 'rep'`.execute(db);
  await sql`insert into team_memberships (team_id, user_id, role) values (${team.id}, ${manager.id}, 'manager')`.execute(db);
  await sql`
    with reps as (select id, row_number() over (order by display_name) - 1 as n from users where org_id = ${orgId} and role = 'rep')
    insert into customers (org_id, name, tier, owner_id, lat, lng, created_at)
    select ${orgId}, 'customer-' || g, (array['A','B','C'])[1 + g % 3], reps.id, 31.2, 121.4, timestamptz '2026-01-01'
    from generate_series(0, ${input.customers - 1}) g join reps on reps.n = g % ${input.reps}`.execute(db);
  // Check-in g: rep g % reps, day (g / reps) % days back from the last day, 09:00–16:00 Shanghai.
  await sql`
    with reps as (select id, row_number() over (order by display_name) - 1 as n from users where org_id = ${orgId} and role = 'rep'),
    custs as (select id, row_number() over (order by name) - 1 as n from customers where org_id = ${orgId}),
    plan as (
      select g, gen_random_uuid() as visit_id,
        ((${input.lastDay}::date - ((g / ${input.reps}) % ${input.days})::int) + make_interval(hours => 9 + g % 8))::timestamp as local_ts,
        g % ${input.reps} as rep_n, g % ${input.customers} as cust_n
      from generate_series(0, ${input.checkins - 1}) g
    ), v as (
      insert into visits (id, org_id, user_id, customer_id, source, started_at, ended_at, notes, next_step)
      select plan.visit_id, ${orgId}, reps.id, custs.id, 'check_in',
        plan.local_ts at time zone 'Asia/Shanghai',
        (plan.local_ts at time zone 'Asia/Shanghai') + interval '1 hour',
        case when g % 3 = 0 then 'notes ' || g end, case when g % 3 = 0 then 'next ' || g end
      from plan join reps on reps.n = plan.rep_n join custs on custs.n = plan.cust_n
      returning id, user_id, customer_id, started_at
    )
    insert into check_ins (org_id, user_id, customer_id, visit_id, kind, at, lat, lng, distance_m, radius_m, status, source_platform)
    select ${orgId}, v.user_id, v.customer_id, v.id, 'in', v.started_at, 31.2, 121.4,
      case when plan.g % 10 = 7 then 2400 else 100 end, 500,
      case when plan.g % 10 < 7 then 'verified' when plan.g % 10 = 7 then 'outside' else 'unverified' end, 'local'
    from v join plan on plan.visit_id = v.id`.execute(db);
  await sql`
    with reps as (select id, row_number() over (order by display_name) - 1 as n from users where org_id = ${orgId} and role = 'rep')
    insert into daily_reports (org_id, user_id, report_date, summary, body, submitted_at, late)
    select ${orgId}, reps.id, ${input.lastDay}::date - d, '{}'::jsonb, 'done',
      ((${input.lastDay}::date - d) + time '18:30') at time zone 'Asia/Shanghai', (reps.n + d) % 7 = 0
    from reps cross join generate_series(0, ${input.days - 1}) d`.execute(db);
  await sql`analyze`.execute(db);
  return { orgId, teamId: team.id, managerId: manager.id };
}

/** `count` reps spread round-robin over `zones`, each reachable at `<platform>:user:<n>`. */
export async function seedPeople(
  db: Kysely<Database>,
  input: { orgId: string; count: number; zones: readonly string[]; platform: string; prefix: string },
): Promise<void> {
  await sql`
    with z as (select zone, ordinality - 1 as n from unnest(${sql.val(input.zones)}::text[]) with ordinality as t(zone)),
    u as (
      insert into users (org_id, display_name, role, time_zone, language)
      select ${input.orgId}, ${input.prefix} || g, 'rep', z.zone, 'en-US'
      from generate_series(0, ${input.count - 1}) g join z on z.n = g % ${input.zones.length}
      returning id, display_name
    )
    insert into identities (platform, tenant_id, external_id, user_id, direct_ref)
    select ${input.platform}, 'bench', u.display_name, u.id, ${`${input.platform}:user:`} || u.display_name from u`.execute(db);
  await sql`analyze`.execute(db);
}
