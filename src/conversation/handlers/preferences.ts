import { setLanguage, setTimeZone } from '../../core/users/update-preferences.ts';
import { catalogueFor } from '../i18n/catalogue.ts';
import { formatLocalTime } from './format.ts';
import type { Intent } from '../intents/types.ts';
import type { Turn } from '../turn.ts';

export async function handleSetTimeZone(turn: Turn, intent: Extract<Intent, { kind: 'setTimeZone' }>): Promise<void> {
  const zone = await setTimeZone({ db: turn.db, now: turn.now }, { userId: turn.user.id, zone: intent.zone });
  turn.reply(turn.t.timeZoneSet({ zone, time: formatLocalTime(turn.now, zone) }));
}

/** Confirms in the newly chosen language, so the user sees at once that it worked. */
export async function handleSetLanguage(turn: Turn, intent: Extract<Intent, { kind: 'setLanguage' }>): Promise<void> {
  await setLanguage({ db: turn.db }, { userId: turn.user.id, language: intent.language });
  turn.reply(catalogueFor(intent.language).languageSet());
}
