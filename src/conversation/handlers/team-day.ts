import { showTeam } from '../../core/digests/show-team.ts';
import { structured } from '../../core/digests/render-digest.ts';
import { findReport } from '../../core/reports/submit-daily-report.ts';
import { loadDayVisits, loadWeekFigures } from '../../core/team-day/load-person-day.ts';
import { recordZone } from '../../core/users/record-zone.ts';
import { loadSettingsBook } from '../../core/schedules/settings-repository.ts';
import { teamOfUser } from '../../core/schedules/team-context.ts';
import type { ScheduleSettings } from '../../core/schedules/settings.ts';
import { findViewablePerson } from '../../core/team-day/viewable-person.ts';
import { loadDayStanding, type DayStanding } from '../../core/team-day/day-standing.ts';
import { planOfDayLines } from '../../core/plans/show-plan.ts';
import { DomainError } from '../../core/shared/domain-error.ts';
import type { User } from '../../db/schema.ts';
import { addDays, isValidLocalDate, localDateOf, weekdayOf } from '../dates/local-date.ts';
import { resolveDate } from '../dates/resolve-date.ts';
import { spellOutWeekdays } from '../dates/spell-out-weekdays.ts';
import { clearPendingState, type PendingState } from '../pending-state.ts';
import type { MessageSection } from '../types.ts';
import type { TeamWeek } from '../intents/types.ts';
import { formatLocalTime } from './format.ts';
import { recordAccess } from '../../core/privacy/record-access.ts';
import { handleFreeText } from './pending.ts';
import { replyInPages } from './pages.ts';
import type { Turn } from '../turn.ts';

/**
 * `团队 张三 [日期|上周]` / `team Zhang [date|last week]` and `团队 昨天` / `team last week`.
 * While the bot waits for free text (checkout notes, the report), words that name nobody
 * (`团队 很给力`) are that answer, so the question stays open until a person is found.
 */
export async function handleTeamDay(
  turn: Turn,
  intent: { person?: string; when?: string; week?: TeamWeek },
  pending: PendingState | undefined,
  text: string,
): Promise<void> {
  if (intent.person === undefined) {
    if (pending) await clearPendingState(turn.db, turn.user.id);
    const date = intent.when === undefined ? undefined : resolveOn(intent.when, turn.now, turn.user.time_zone);
    if (date === null) return turn.reply(turn.t.teamDayBadDate({ text: intent.when! }));
    // The team's day names people's visits, off-site check-ins and reports: for the manager, not a group.
    return replyInPages(turn, await showTeam({ db: turn.db, clock: turn.clock }, { user: turn.user, ...(date ? { date } : {}), ...(intent.week ? { week: intent.week } : {}) }), { privately: true });
  }
  let person: User;
  try {
    person = await findViewablePerson(turn.db, turn.user, intent.person);
  } catch (error) {
    if (pending && error instanceof DomainError && error.code === 'personNotFound') return handleFreeText(turn, pending, text);
    throw error;
  }
  if (pending) await clearPendingState(turn.db, turn.user.id);
  // Relative words count on the person's own calendar: "yesterday" is their yesterday. On a day they
  // moved their clock that calendar is their team's (recordZone: where that day's records are).
  const zone = await recordZone(turn.db, person.id, turn.now, person);
  const today = localDateOf(turn.now, zone);
  const logView = (what: 'day' | 'week') =>
    recordAccess(turn.db, { orgId: turn.org.id, viewerId: turn.user.id, subjectId: person.id, what, via: 'chat', now: turn.now });
  if (intent.week) {
    await logView('week');
    return replyInPages(turn, await personWeek(turn, person, today, intent.week), { privately: true });
  }
  const date = intent.when === undefined ? today : resolveOn(intent.when, turn.now, zone);
  if (date === null) return turn.reply(turn.t.teamDayBadDate({ text: intent.when! }));
  await logView('day');
  // Visit notes are for the person, their managers and admins: never read out in a group chat.
  return replyInPages(turn, await personDay(turn, person, date, today), { privately: true });
}

/** `明天`, `下周一`, `tomorrow`, `next Mon`: words that mean a day ahead on purpose (a plan to look at). */
const AHEAD = /明|后天|下|tomorrow|next|coming/iu;

/**
 * The day `when` names, looking back: this is history, so `12月1日` said in November is last
 * December and `周五` said on a Thursday is last Friday (resolveDate looks forward, as plans need),
 * unless the words say ahead or give the year.
 */
function resolveOn(when: string, now: Date, timeZone: string): string | null {
  const date = resolveDate(spellOutWeekdays(when), { now, timeZone });
  const today = localDateOf(now, timeZone);
  if (date === null || date <= today || AHEAD.test(when) || /\d{4}/u.test(when)) return date;
  const daysAhead = (Date.parse(date) - Date.parse(today)) / 86_400_000;
  if (daysAhead < 7) return addDays(date, -7);
  const lastYear = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
  // 2月29日 has no day a year earlier: the one before was four years back.
  return isValidLocalDate(lastYear) ? lastYear : `${Number(date.slice(0, 4)) - 4}${date.slice(4)}`;
}

async function personDay(turn: Turn, person: User, date: string, today: string) {
  const { t } = turn;
  const zone = turn.user.time_zone;
  const [visits, report, plan, standing] = await Promise.all([
    loadDayVisits(turn.db, person, date),
    findReport(turn.db, person.id, date),
    planOfDayLines(turn.db, { person, date, today, reader: turn.user, heading: 'plan' }),
    settingsOf(turn, person).then((settings) => loadDayStanding(turn.db, person, settings, date, date)),
  ]);
  const lines = visits.length === 0 ? [t.teamDayNoVisits()] : [];
  for (const v of visits) {
    lines.push(t.teamDayVisitLine({ time: formatLocalTime(v.startedAt, zone), customer: v.customer, status: t.status({ status: v.status }), distanceM: v.distanceM, open: v.open }));
    if (v.notes) lines.push(t.teamDayNotes({ notes: v.notes }));
    if (v.nextStep || v.followUp) lines.push(t.teamDayNextStep({ nextStep: v.nextStep, followUp: v.followUp }));
  }
  const sections: MessageSection[] = [{ heading: t.teamDayVisitsHeading({ count: visits.length }), lines }];
  sections.push(
    report
      ? { heading: t.teamDayReportHeading({ time: formatLocalTime(new Date(report.submitted_at), zone), late: report.late }), lines: report.body.split('\n') }
      : { heading: noReportHeading(turn, standing(date)), lines: [] },
  );
  // Plans where they exist: a day nobody planned says nothing about plans.
  if (plan.stops.length > 0) sections.push({ heading: plan.lines[0], lines: plan.lines.slice(1) });
  return structured(t.teamDayTitle({ person: person.display_name, date, weekday: weekdayOf(date) }), sections, turn.language);
}

async function personWeek(turn: Turn, person: User, today: string, week: TeamWeek) {
  const { t } = turn;
  const monday = addDays(today, 1 - weekdayOf(today) - (week === 'last' ? 7 : 0));
  // This week runs to today; last week to its Sunday.
  const to = week === 'last' ? addDays(monday, 6) : today;
  const standing = await loadDayStanding(turn.db, person, await settingsOf(turn, person), monday, to);
  const days = await loadWeekFigures(turn.db, person, monday, to, standing);
  // Before they joined there is nothing to count: the day says so and no more.
  const lines = days.map((d) =>
    d.report === 'notJoined' ? t.teamWeekNotJoinedLine({ date: d.date, weekday: weekdayOf(d.date) }) : t.teamWeekDayLine({ ...d, weekday: weekdayOf(d.date) }),
  );
  return structured(t.teamWeekTitle({ person: person.display_name, from: monday, to }), [{ lines }], turn.language);
}

/** The heading of a day without a report: not filed only when one was due. */
function noReportHeading({ t }: Turn, standing: DayStanding): string {
  if (standing === 'away' || standing === 'notJoined') return t.teamDayNoReportDue({ why: standing });
  return t.teamDayReportMissing({ dayOff: standing === 'dayOff' });
}

/** The schedule of the person's team (the first they joined as a rep): its workdays and holidays. */
async function settingsOf(turn: Turn, person: User): Promise<ScheduleSettings> {
  const book = await loadSettingsBook(turn.db);
  return (await teamOfUser(turn.db, book, person.id))?.settings ?? book.for(person.org_id, null);
}
