import { awaitsFreeText, clearPendingState, type PendingState } from './pending-state.ts';
import { loadTurnStart } from './turn-start.ts';
import { showTrend } from '../charts/show-trend.ts';
import { handleCheckIn } from './handlers/check-in.ts';
import { handleCheckOut } from './handlers/check-out.ts';
import { handleVisitNote } from './handlers/visit-note.ts';
import { handleReport } from './handlers/report.ts';
import { handleToday } from './handlers/today.ts';
import { handleNewCustomer, handleShowCustomer } from './handlers/customer.ts';
import {
  handleAssignAdmin,
  handleAssignManager,
  handleBindTeam,
  handleCreateTeam,
  handleDecideJoin,
  handleJoinTeam,
  handleRemoveFromTeam,
  handleSetOrgAccess,
} from './handlers/teams.ts';
import { handleSetLanguage, handleSetTimeZone } from './handlers/preferences.ts';
import { handleBareLocation, handleChoice, handleFreeText } from './handlers/pending.ts';
import { usageExample } from './handlers/usage.ts';
import { handleScheduleIntent } from './handlers/schedules.ts';
import { handleSettingsIntent } from './handlers/schedule-settings.ts';
import { handlePlanIntent } from './handlers/plans.ts';
import { handleTeamDay } from './handlers/team-day.ts';
import { handleNextPage } from './handlers/pages.ts';
import { handleChatSettingsIntent } from './handlers/chat-settings.ts';
import { handleApiToken } from './handlers/api-tokens.ts';
import { handleComment, handleConsole } from './handlers/comment.ts';
import { handleAlertIntent } from './handlers/alerts.ts';
import { handlePrivacyIntent } from './handlers/privacy.ts';
import { parseIntent } from './intents/parse-intent.ts';
import type { Intent } from './intents/types.ts';
import type { Turn } from './turn.ts';

/** Intents that answer an open question; any other command abandons the question. */
const answersPending = new Set<Intent['kind']>(['choose', 'freeText', 'eraseConfirm', 'nextPage']);

/**
 * Neither an answer nor a new command: the open question stays open. `团队 …` may turn out to be free
 * text answering the question (see handleTeamDay), so it decides; a greeting (`你好`) leaves it be.
 */
const leavesPendingOpen = new Set<Intent['kind']>([...answersPending, 'teamDay', 'greeting']);

/**
 * Whether a tap's question is the one pending. A button without a question id (sent before ids
 * existed) can only belong to a question that has none either: once a question with an id was asked,
 * every older button is stale.
 */
function answersThisQuestion(quickAnswer: { questionId?: string }, pending: PendingState | undefined): boolean {
  return pending !== undefined && pending.questionId === quickAnswer.questionId;
}

/** Understands and runs one message. `text` is undefined for a message that carries only a location. */
export async function dispatch(turn: Turn, text: string | undefined): Promise<void> {
  // The open visit comes in the same round trip: a check-in, the most common message, needs it.
  const { pending, openVisit } = await loadTurnStart(turn.db, turn.user.id, turn.now);
  if (text === undefined) return handleBareLocation(turn, pending);
  const intent = parseIntent(text, { gluedCommands: !awaitsFreeText(pending) });
  const quick = turn.event.quickAnswer;
  // A tap answers the question its buttons were sent with, or nothing: never a newer question. (A
  // button without an id that stands for a command, such as an old `reply:日报 …` key, is typed text.)
  if (quick && (quick.questionId !== undefined || answersPending.has(intent.kind))) {
    turn.answeredQuestion = false;
    if (!answersThisQuestion(quick, pending)) return turn.reply(turn.t.staleAnswer());
  }
  if (pending && !leavesPendingOpen.has(intent.kind)) await clearPendingState(turn.db, turn.user.id);

  switch (intent.kind) {
    case 'help':
      return turn.reply(turn.t.help());
    case 'cancel':
      // The question, if any, was cleared above like any other message's; this says so.
      return turn.reply(pending ? turn.t.cancelled() : turn.t.nothingToCancel());
    case 'greeting':
      // A newcomer's `你好` is answered by the welcome already; anyone else gets a hello and a pointer to help.
      if (!turn.welcomed) turn.reply(turn.t.greetingReply({ name: turn.user.display_name }));
      return;
    case 'checkIn':
      return handleCheckIn(turn, intent, pending, openVisit);
    case 'checkOut':
      return handleCheckOut(turn, intent);
    case 'visitNote':
      return handleVisitNote(turn, intent);
    case 'report':
      return handleReport(turn, intent);
    case 'today':
      return handleToday(turn);
    case 'showCustomer':
      return handleShowCustomer(turn, intent);
    case 'newCustomer':
      return handleNewCustomer(turn, intent);
    case 'createTeam':
      return handleCreateTeam(turn, intent);
    case 'joinTeam':
      return handleJoinTeam(turn, intent);
    case 'bindTeam':
      return handleBindTeam(turn, intent);
    case 'setTimeZone':
      return handleSetTimeZone(turn, intent);
    case 'setLanguage':
      return handleSetLanguage(turn, intent);
    case 'leaderboard':
    case 'leaderboardOptOut':
    case 'away':
    case 'back':
    case 'teamOverview':
    case 'reminderSwitch':
      return handleScheduleIntent(turn, intent);
    case 'trend':
      // Privately: a manager's trend names each rep with their figures, as the digest (a 1:1) does.
      for (const message of await showTrend({ db: turn.db, clock: turn.clock }, { user: turn.user })) turn.replyPrivately(message);
      return;
    case 'showSettings':
    case 'setWorkdays':
    case 'listHolidays':
    case 'changeHolidays':
    case 'setQuietHours':
    case 'setScheduleTime':
      return handleSettingsIntent(turn, intent);
    case 'choose':
      return handleChoice(turn, pending, intent.index);
    case 'usage':
      return turn.reply(turn.t.usage({ example: usageExample(turn.language, intent.command) }));
    case 'freeText':
      if (!intent.text) return turn.reply(turn.t.emptyMessage());
      return handleFreeText(turn, pending, intent.text);
    case 'assignManager':
      return handleAssignManager(turn, intent);
    case 'assignAdmin':
      return handleAssignAdmin(turn, intent);
    case 'removeFromTeam':
      return handleRemoveFromTeam(turn, intent);
    case 'decideJoin':
      return handleDecideJoin(turn, intent);
    case 'setOrgAccess':
      return handleSetOrgAccess(turn, intent);
    case 'teamDay':
      return handleTeamDay(turn, intent, pending, text);
    case 'nextPage':
      return handleNextPage(turn, pending, text);
    case 'planAdd':
    case 'planShow':
    case 'planCancel':
    case 'planMove':
    case 'planStartPoint':
    case 'planSuggest':
      return handlePlanIntent(turn, intent);
    case 'setOrgRadius':
    case 'showOrgRadius':
    case 'changeCustomer':
    case 'showPoints':
    case 'setPoints':
      return handleChatSettingsIntent(turn, intent);
    case 'apiToken':
      return handleApiToken(turn, intent);
    case 'comment':
      return handleComment(turn, intent);
    case 'console':
      return handleConsole(turn, intent);
    case 'alertSwitch':
    case 'showAlerts':
      return handleAlertIntent(turn, intent);
    case 'deactivate':
    case 'reactivate':
    case 'erase':
    case 'eraseConfirm':
    case 'myData':
    case 'whoSeesMe':
    case 'accessLog':
    case 'setLocationRetention':
    case 'setKeepWorkRecords':
      return handlePrivacyIntent(turn, intent, pending);
  }
}
