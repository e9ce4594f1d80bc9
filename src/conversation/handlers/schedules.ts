import { showLeaderboard } from '../../core/leaderboards/show-leaderboard.ts';
import { showTeam } from '../../core/digests/show-team.ts';
import { comeBack, goAway, setLeaderboardOptOut, setReminderKind } from '../../core/schedules/manage-prefs.ts';
import type { Intent } from '../intents/types.ts';
import type { Turn } from '../turn.ts';
import { replyInPages } from './pages.ts';

type ScheduleIntent = Extract<
  Intent,
  { kind: 'leaderboard' | 'leaderboardOptOut' | 'away' | 'back' | 'teamOverview' | 'reminderSwitch' }
>;

/** Leaderboards, the team picture and a person's reminder settings, on demand from chat. */
export async function handleScheduleIntent(turn: Turn, intent: ScheduleIntent): Promise<void> {
  const deps = { db: turn.db, clock: turn.clock };
  const user = turn.user;
  switch (intent.kind) {
    case 'leaderboard':
      return turn.reply(await showLeaderboard(deps, { user, period: intent.period, chart: intent.chart }));
    case 'leaderboardOptOut':
      return turn.reply(await setLeaderboardOptOut(deps, { user, optOut: intent.optOut }));
    case 'away':
      return turn.reply(await goAway(deps, { user, untilText: intent.until }));
    case 'back':
      return turn.reply(await comeBack(deps, { user }));
    case 'teamOverview':
      // Privately: the team's day names each rep's visits, off-site check-ins and reports, as the digest (a 1:1) does.
      return replyInPages(turn, await showTeam(deps, { user }), { privately: true });
    case 'reminderSwitch':
      return turn.reply(await setReminderKind(deps, { user, kind: intent.reminder, enabled: intent.enabled }));
  }
}
