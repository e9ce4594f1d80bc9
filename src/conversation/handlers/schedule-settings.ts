import { changeHolidays, listHolidays, setQuietHours, setScheduleTime, setWorkdays, showSettings } from '../../core/schedules/manage-settings.ts';
import { alertSettingLines } from '../../core/alerts/manage-alerts.ts';
import type { Intent } from '../intents/types.ts';
import type { Turn } from '../turn.ts';

type SettingsIntent = Extract<
  Intent,
  { kind: 'showSettings' | 'setWorkdays' | 'listHolidays' | 'changeHolidays' | 'setQuietHours' | 'setScheduleTime' }
>;

/** The schedule settings in force, and changes to them by a team's manager or an admin. */
export async function handleSettingsIntent(turn: Turn, intent: SettingsIntent): Promise<void> {
  const deps = { db: turn.db, clock: turn.clock };
  const scoped = { user: turn.user, ...(intent.scope ? { scope: intent.scope } : {}) };
  switch (intent.kind) {
    case 'showSettings': {
      const shown = await showSettings(deps, scoped);
      // A manager asking about their own settings also sees which real-time alerts reach them (their
      // own switches, not a team's), not when asking about the org's or another team's.
      if (intent.scope) return turn.reply(shown);
      const manages = await turn.db.selectFrom('teams').select('id').where('manager_id', '=', turn.user.id).executeTakeFirst();
      if (!manages) return turn.reply(shown);
      return turn.reply({ ...shown, text: `${shown.text}\n\n${turn.t.alertsInSettings({ lines: await alertSettingLines(turn.db, turn.user) })}` });
    }
    case 'listHolidays':
      return turn.reply(await listHolidays(deps, scoped));
    case 'setWorkdays':
      return turn.reply(await setWorkdays(deps, { ...scoped, days: intent.days }));
    case 'changeHolidays':
      return turn.reply(
        await changeHolidays(deps, { ...scoped, action: intent.action, from: intent.from, ...(intent.to ? { to: intent.to } : {}) }),
      );
    case 'setQuietHours':
      return turn.reply(await setQuietHours(deps, { ...scoped, window: intent.window }));
    case 'setScheduleTime':
      return turn.reply(await setScheduleTime(deps, { ...scoped, setting: intent.setting, time: intent.time }));
  }
}
