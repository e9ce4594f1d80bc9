import type { Db } from '../shared/db.ts';
import { DomainError } from '../shared/domain-error.ts';
import { isTimeZone } from './resolve-identity.ts';
import type { Language } from '../../conversation/intents/types.ts';

/** Sets a user's IANA time zone; local dates (reports, reminders) follow it from now on. */
export async function setTimeZone({ db }: { db: Db }, input: { userId: string; zone: string }): Promise<string> {
  const zone = canonicalZone(input.zone);
  if (!zone) throw new DomainError('timeZoneUnknown', { zone: input.zone });
  await db.updateTable('users').set({ time_zone: zone }).where('id', '=', input.userId).execute();
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
