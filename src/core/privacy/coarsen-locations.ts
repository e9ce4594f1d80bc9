import { sql } from 'kysely';
import type { Db } from '../shared/db.ts';

/** Two decimals of a degree: about 1.1 km of latitude, enough to say "the Shenzhen office", not the desk. */
export const COARSE_DECIMALS = 2;

/**
 * Coarsens the exact coordinates of check-ins older than the retention (LOCATION_RETENTION_DAYS, or the
 * org's shorter `location_retention_days`) to two decimals, both the WGS-84 position and the original
 * as the platform gave it. The result of the check-in (status, distance, radius), its customer, the
 * accuracy and the mock flag are facts about the check-in, not a position: they stay.
 *
 * Idempotent: a coarsened value rounds to itself, and `round(x, 2) <> x` keeps the second run from
 * rewriting rows. In batches, so no statement holds the embedded database's one connection for long.
 */
export async function coarsenOldLocations(
  { db, now }: { db: Db; now: Date },
  input: { retentionDays: number },
  batchSize = 5000,
): Promise<number> {
  let total = 0;
  for (;;) {
    // The org's own retention applies only when it is shorter than the deployment's.
    const result = await sql`
      update check_ins c set
        lat = round(c.lat::numeric, ${COARSE_DECIMALS})::double precision,
        lng = round(c.lng::numeric, ${COARSE_DECIMALS})::double precision,
        original_lat = round(c.original_lat::numeric, ${COARSE_DECIMALS})::double precision,
        original_lng = round(c.original_lng::numeric, ${COARSE_DECIMALS})::double precision
      where c.ctid in (
        select ci.ctid from check_ins ci join orgs o on o.id = ci.org_id
        where ci.at < ${now}::timestamptz - make_interval(days => least(coalesce(o.location_retention_days, ${input.retentionDays}), ${input.retentionDays}))
          and ${exactColumns('ci')}
        limit ${batchSize})`.execute(db);
    const n = Number(result.numAffectedRows ?? 0n);
    total += n;
    if (n < batchSize) return total;
  }
}

/** Coarsens every check-in of one person now (erasure): their positions no longer need to be exact. */
export async function coarsenPersonLocations(db: Db, userId: string): Promise<void> {
  await sql`
    update check_ins c set
      lat = round(c.lat::numeric, ${COARSE_DECIMALS})::double precision,
      lng = round(c.lng::numeric, ${COARSE_DECIMALS})::double precision,
      original_lat = round(c.original_lat::numeric, ${COARSE_DECIMALS})::double precision,
      original_lng = round(c.original_lng::numeric, ${COARSE_DECIMALS})::double precision
    where c.user_id = ${userId} and ${exactColumns('c')}`.execute(db);
}

/** Some coordinate of the row still has more than two decimals. */
function exactColumns(alias: string) {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const exact = (name: string) => sql`(${col(name)} is not null and round(${col(name)}::numeric, ${COARSE_DECIMALS})::double precision <> ${col(name)})`;
  return sql`(${exact('lat')} or ${exact('lng')} or ${exact('original_lat')} or ${exact('original_lng')})`;
}

