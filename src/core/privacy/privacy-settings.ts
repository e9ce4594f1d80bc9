import type { User } from '../../db/schema.ts';
import { loadActor } from '../access/load-actor.ts';
import { requireAllowed } from '../access/require-allowed.ts';
import { audit } from '../shared/audit.ts';
import type { Db } from '../shared/db.ts';
import { DomainError } from '../shared/domain-error.ts';

/** `30`, `30天`, `30 days`, `30d`: a number of days; `默认` / `default`: back to LOCATION_RETENTION_DAYS. */
const DAYS = /^(\d{1,4})\s*(?:天|日|days?|d)?$/iu;
const DEFAULT_WORDS = new Set(['默认', '默认值', 'default', 'off']);

/**
 * `保留位置 30天` / `location retention 30 days` (admins): how long this org keeps exact check-in
 * coordinates. An org may only shorten the deployment's LOCATION_RETENTION_DAYS (`maxDays`): longer
 * values are refused, so the README's promise holds for every org. Returns the days now in force.
 */
export async function setLocationRetention({ db }: { db: Db }, input: { user: User; typed: string; maxDays: number }): Promise<number> {
  await requireAllowed(db, await loadActor(db, input.user), { action: 'changeOrgSettings', orgId: input.user.org_id });
  const typed = input.typed.trim();
  let days: number | null;
  if (DEFAULT_WORDS.has(typed.toLowerCase())) days = null;
  else {
    const match = DAYS.exec(typed);
    days = match ? Number(match[1]) : NaN;
    if (!Number.isInteger(days) || days < 1 || days > input.maxDays) throw new DomainError('retentionBadDays', { text: typed, max: input.maxDays });
  }
  await db.updateTable('orgs').set({ location_retention_days: days }).where('id', '=', input.user.org_id).execute();
  await audit(db, input.user, 'org.location_retention_changed', input.user.org_id, { days });
  return days ?? input.maxDays;
}

/** `保留工作记录 开|关` / `keep work records on|off` (admins): whether erasure keeps note and report words. */
export async function setKeepWorkRecords({ db }: { db: Db }, input: { user: User; keep: boolean }): Promise<void> {
  await requireAllowed(db, await loadActor(db, input.user), { action: 'changeOrgSettings', orgId: input.user.org_id });
  await db.updateTable('orgs').set({ keep_work_records: input.keep }).where('id', '=', input.user.org_id).execute();
  await audit(db, input.user, 'org.keep_work_records_changed', input.user.org_id, { keep: input.keep });
}
