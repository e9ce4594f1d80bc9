import { setAlertKind, showAlerts } from '../../core/alerts/manage-alerts.ts';
import type { Intent } from '../intents/types.ts';
import type { Turn } from '../turn.ts';

/** `提醒 范围外 关` / `alerts offsite off`, and `提醒` / `alerts`. */
export async function handleAlertIntent(turn: Turn, intent: Extract<Intent, { kind: 'alertSwitch' | 'showAlerts' }>): Promise<void> {
  if (intent.kind === 'showAlerts') return turn.reply(await showAlerts({ db: turn.db }, { user: turn.user }));
  turn.reply(await setAlertKind({ db: turn.db, now: turn.now }, { user: turn.user, kind: intent.alert, enabled: intent.enabled }));
}
