import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

/**
 * `count` check-ins (each with its visit, with Chinese notes) spread over `userIds` and `customerIds`,
 * one a minute from `start` (each visit ended: one open visit per person), in two statements: fast enough for 100,000 rows in the bench.
 */
export async function insertCheckIns(
  db: Kysely<Database>,
  input: { orgId: string; userIds: string[]; customerIds: string[]; count: number; start: Date },
): Promise<void> {
  await sql`
    with v as (
      insert into visits (org_id, user_id, customer_id, source, started_at, ended_at, notes, next_step)
      select ${input.orgId}::uuid,
             (${input.userIds}::uuid[])[1 + g % ${input.userIds.length}],
             (${input.customerIds}::uuid[])[1 + g % ${input.customerIds.length}],
             'check_in',
             ${input.start}::timestamptz + g * interval '1 minute',
             ${input.start}::timestamptz + g * interval '1 minute' + interval '30 seconds',
             '见了采购经理，谈了报价 #' || g,
             '发送报价单'
      from generate_series(1, ${input.count}) as g
      returning id, org_id, user_id, customer_id, started_at
    )
    insert into check_ins (org_id, user_id, customer_id, visit_id, kind, at, lat, lng, accuracy_m, distance_m, radius_m, status, source_platform)
    select org_id, user_id, customer_id, id, 'in', started_at, 22.54, 113.95, 15, 42.5, 500, 'verified', 'local' from v`.execute(db);
}
