import type { Db } from '../shared/db.ts';
import { DomainError } from '../shared/domain-error.ts';
import { isTimeZone } from './resolve-identity.ts';
import type { Language } from '../../conversation/intents/types.ts';

/**
 * Sets a user's IANA time zone; reminders follow it from now on, and the records they write from the
 * next day on (that day, the team's zone decides: see record-zone.ts). Older records keep their dates.
 */
export async function setTimeZone({ db, now }: { db: Db; now: Date }, input: { userId: string; zone: string }): Promise<string> {
  const zone = canonicalZone(input.zone);
  if (!zone) throw new DomainError('timeZoneUnknown', { zone: input.zone });
  // Only a real change counts (setting the same zone again must not bring the team's zone in).
  await db.updateTable('users').set({ time_zone: zone, time_zone_changed_at: now }).where('id', '=', input.userId).where('time_zone', '<>', zone).execute();
  return zone;
}

export async function setLanguage({ db }: { db: Db }, input: { userId: string; language: Language }): Promise<void> {
  await db.updateTable('users').set({ language: input.language }).where('id', '=', input.userId).execute();
}

/** Accepts any casing (`asia/shanghai`) and returns the canonical IANA spelling. */
function canonicalZone(zone: string): string | undefined {
  const trimmed = zone.trim();
  if (!trimmed || !isTimeZone(trimmed)) return undefined;
  const resolved = new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone;
  return resolved;
}
