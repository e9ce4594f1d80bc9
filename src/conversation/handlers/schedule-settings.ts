import { changeHolidays, listHolidays, setQuietHours, setScheduleTime, setWorkdays, showSettings } from '../../core/schedules/manage-settings.ts';
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
    case 'showSettings':
      return turn.reply(await showSettings(deps, scoped));
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
