import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import type { AlertName } from '../../conversation/intents/types.ts';
import type { OutboundMessage } from '../../conversation/types.ts';
import { catalogueFor } from '../../conversation/i18n/catalogue.ts';
import { alertKinds } from './alert-kinds.ts';

/** The kinds a person switched off. */
export async function alertsOff(db: Db, userId: string): Promise<string[]> {
  const row = await db.selectFrom('user_schedule_prefs').select('alerts_off').where('user_id', '=', userId).executeTakeFirst();
  return row?.alerts_off ?? [];
}

/**
 * `提醒 范围外 关` / `alerts offsite off` (and on): one kind of alert for this manager. A person's
 * own choice about what reaches them, like reminders, so it needs no permission.
 */
export async function setAlertKind({ db, now }: { db: Db; now: Date }, input: { user: User; kind: AlertName; enabled: boolean }): Promise<OutboundMessage> {
  const off = new Set(await alertsOff(db, input.user.id));
  if (input.enabled) off.delete(input.kind);
  else off.add(input.kind);
  const alerts_off = [...off].sort();
  await db
    .insertInto('user_schedule_prefs')
    .values({ user_id: input.user.id, alerts_off, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ alerts_off, updated_at: now }))
    .execute();
  const t = catalogueFor(input.user.language);
  return { text: t.alertSwitched({ name: t.alertKindName({ kind: input.kind }), kind: input.kind, enabled: input.enabled }) };
}

/** Lines of a person's alert switches (`提醒` / `alerts`, and the settings listing of a manager). */
export async function alertSettingLines(db: Db, user: User): Promise<string> {
  const t = catalogueFor(user.language);
  const off = await alertsOff(db, user.id);
  return alertKinds.map((kind) => t.alertsListLine({ name: t.alertKindName({ kind }), enabled: !off.includes(kind) })).join('\n');
}

/** `提醒` / `alerts`: which alerts reach me. */
export async function showAlerts({ db }: { db: Db }, input: { user: User }): Promise<OutboundMessage> {
  const manages = await db.selectFrom('teams').select('id').where('manager_id', '=', input.user.id).executeTakeFirst();
  return { text: catalogueFor(input.user.language).alertsList({ lines: await alertSettingLines(db, input.user), manages: Boolean(manages) }) };
}
