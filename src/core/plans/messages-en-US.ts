/** Visit-plan answers in English (issue 14); zh-CN mirrors every key. */
import type { VisitPlanState } from '../../db/schema.ts';
import { formatDistance } from '../../conversation/i18n/distance.ts';

const km = formatDistance['en-US'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface DayLabel {
  date: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Days from the reader's today. */
  offset: number;
}

export interface StopView {
  index: number;
  time: string | null;
  customer: string;
  purpose: string | null;
  expected: string | null;
  /** Metres from the previous stop (or the start); null when it cannot be said. */
  fromPrevious: number | null;
  state: VisitPlanState;
  checkInStatus: 'verified' | 'outside' | 'unverified' | null;
  /** Who planned it, when someone else did. */
  plannedBy: string | null;
}

export interface PlannedItem {
  customer: string;
  time: string | null;
}

function day(p: DayLabel): string {
  const date = `${WEEKDAYS[p.weekday - 1]} ${MONTHS[Number(p.date.slice(5, 7)) - 1]} ${Number(p.date.slice(8, 10))}`;
  if (p.offset === 0) return `today (${date})`;
  if (p.offset === 1) return `tomorrow (${date})`;
  return date;
}

const items = (list: readonly PlannedItem[]) => list.map((s) => (s.time ? `${s.customer} at ${s.time}` : s.customer)).join(', ');

function stateText(s: StopView): string {
  switch (s.state) {
    case 'done':
      return s.checkInStatus === 'verified' ? 'done ✓ (verified)' : s.checkInStatus === 'outside' ? 'done ✓ (checked in off-site)' : 'done ✓';
    case 'missed':
      return 'missed';
    case 'cancelled':
      return 'cancelled';
    case 'planned':
      return 'to do';
  }
}

export const planMessagesEnUS = {
  dayLabel: day,
  dayHeading: (p: { day: DayLabel; who: string | null }) =>
    p.who ? `${p.who}'s plan for ${day(p.day)}, in route order:` : `Plan for ${day(p.day)}, in route order:`,
  dayEmpty: (p: { day: DayLabel; who: string | null }) =>
    p.who ? `${p.who} has nothing planned for ${day(p.day)}.` : `Nothing planned for ${day(p.day)}. To plan a visit: plan tomorrow Huawei 10:00`,
  stopLine: (s: StopView) =>
    [
      `${s.index}. ${s.time ? `${s.time} ` : ''}${s.customer}`,
      s.purpose ? `purpose: ${s.purpose}` : null,
      s.expected ? `expect: ${s.expected}` : null,
      s.fromPrevious !== null ? `${km(s.fromPrevious)} from the previous stop` : null,
      stateText(s),
      s.plannedBy ? `planned by ${s.plannedBy}` : null,
    ]
      .filter((part) => part !== null)
      .join(' — '),
  cancelledLine: (p: { customer: string }) => `✗ ${p.customer} — cancelled`,
  totals: (p: { meters: number; saved: number; fromStart: boolean }) =>
    `Total ${km(p.meters)}${p.fromStart ? ' from your start point' : ''}` +
    (p.saved >= 1 ? `, ${km(p.saved)} shorter than the order typed.` : ', the order typed is already the shortest.'),
  withoutPosition: (p: { customers: string }) => `No position on file for ${p.customers}: left out of the route.`,
  weekHeading: (p: { who: string | null; from: DayLabel; to: DayLabel }) =>
    `${p.who ? `${p.who}'s plan` : 'Plan'} for ${day(p.from)} – ${day(p.to)}:`,
  weekDayLine: (p: { day: DayLabel; customers: string; stops: number; meters: number | null; done: number }) =>
    `• ${day(p.day)}: ${p.customers} (${p.stops} ${p.stops === 1 ? 'stop' : 'stops'}, ${p.done} done${p.meters !== null ? `, ${km(p.meters)}` : ''})`,
  weekEmpty: (p: { who: string | null }) => (p.who ? `${p.who} has nothing planned this week.` : 'Nothing planned this week.'),
  added: (p: { day: DayLabel; stops: readonly PlannedItem[]; total: number; updated: number }) =>
    `Planned for ${day(p.day)}: ${items(p.stops)}.${p.updated > 0 ? ` (${p.updated} already planned, updated.)` : ''} ${p.total} ${p.total === 1 ? 'stop' : 'stops'} that day; "plan ${p.day.date}" shows the route.`,
  assignedConfirm: (p: { rep: string; day: DayLabel; stops: readonly PlannedItem[] }) =>
    `Planned for ${p.rep}, ${day(p.day)}: ${items(p.stops)}. ${p.rep} has been told.`,
  assignedToRep: (p: { manager: string; day: DayLabel; stops: readonly PlannedItem[]; purpose: string | null }) =>
    `${p.manager} planned a visit for you, ${day(p.day)}: ${items(p.stops)}${p.purpose ? ` (purpose: ${p.purpose})` : ''}. "plan ${p.day.date}" shows your route.`,
  badDate: (p: { text: string }) => `I can't tell which day "${p.text}" is. Try tomorrow, Wed, next Mon or Dec 8.`,
  pastDate: (p: { day: DayLabel }) => `${day(p.day)} is in the past: plans are for today or later. Nothing was planned.`,
  badTime: (p: { text: string }) => `"${p.text}" is not a time of day (use 10:00, 14:30 or 3pm). Nothing was planned.`,
  pastTime: (p: { time: string }) => `${p.time} today has already passed. Nothing was planned.`,
  timeOneCustomer: () => 'A time belongs to one stop: plan stops with a time one at a time. Nothing was planned.',
  tooMany: (p: { day: DayLabel; max: number; existing: number }) =>
    `A day holds at most ${p.max} stops; ${day(p.day)} already has ${p.existing}. Nothing was planned.`,
  unresolvedOthers: (p: { names: string }) => `I could not match ${p.names} to exactly one customer either: plan them on their own afterwards.`,
  unresolved: (p: { names: string }) =>
    `I could not match ${p.names} to exactly one customer. Plan that one on its own to choose or create it; nothing was planned.`,
  cancelled: (p: { customer: string; day: DayLabel }) => `Cancelled the visit to ${p.customer} planned for ${day(p.day)}.`,
  notFound: (p: { customer: string }) => `${p.customer} has no open planned visit. "plan week" lists your plan.`,
  moved: (p: { customer: string; from: DayLabel; to: DayLabel; time: string | null }) =>
    `Moved ${p.customer} from ${day(p.from)} to ${day(p.to)}${p.time ? ` at ${p.time}` : ''}.`,
  alreadyThatDay: (p: { customer: string; day: DayLabel }) => `${p.customer} is already planned for ${day(p.day)}. Nothing was changed.`,
  startPointSet: (p: { lat: number; lng: number }) =>
    `Start point set to ${p.lat.toFixed(5)},${p.lng.toFixed(5)}. Routes start there until the day's first check-in.`,
  startPointAsk: () => 'Send your start point as a location now, or type it: home 22.54,113.95',
  startPointBad: () => 'That is not a position: type it as latitude,longitude, for example home 22.54,113.95. Nothing was changed.',
  personNotFound: (p: { name: string }) => `I know nobody called "${p.name}" here. To plan a visit yourself: plan tomorrow ${p.name} 10:00`,
  personAmbiguous: (p: { name: string; options: string }) => `Several people match "${p.name}": ${p.options}. Type the full name.`,
  notAllowedView: (p: { name: string }) => `You can see the plans of the people in teams you manage; ${p.name} is not in one.`,
  notAllowedAssign: (p: { name: string }) =>
    `You can plan visits for the people in teams you manage (admins: anyone); ${p.name} is not in one. Nothing was planned.`,
  repCannotAssign: () => 'Only managers and admins can plan visits for others. To plan your own: plan tomorrow Huawei 10:00',
  suggestHeading: (p: { day: DayLabel }) => `Suggested stops for ${day(p.day)} (due by tier, overdue first, near each other):`,
  suggestLine: (p: { index: number; customer: string; tier: string; reason: 'never' | 'overdue' | 'followUp'; days: number | null }) =>
    `${p.index}. ${p.customer} (${p.tier}) — ${p.reason === 'followUp' ? 'follow-up due' : p.reason === 'never' ? 'never visited' : `last visit ${p.days} days ago`}`,
  suggestFooter: () => 'Reply 1 to take them all, or the numbers to pick (1 3 4).',
  suggestNone: (p: { day: DayLabel }) => `None of your customers is due for ${day(p.day)}. Nice work.`,
  suggestPickBad: (p: { max: number }) => `Pick numbers from 1 to ${p.max} (1 takes them all).`,
  morningHeading: (p: { day: DayLabel }) => `Good morning! Your plan for ${day(p.day)}:`,
  beforeStop: (p: { customer: string; time: string; minutes: number; purpose: string | null }) =>
    `Next stop in ${p.minutes} minutes: ${p.customer} at ${p.time}${p.purpose ? ` (purpose: ${p.purpose})` : ''}. Check in when you arrive.`,
  checkInButton: () => 'Check in',
  checkInAt: (p: { customer: string }) => `Check in: ${p.customer}`,
  stopLinkLine: (p: { url: string }) => `   Check in here: ${p.url}`,
  beforeStopLink: (p: { url: string }) => `Check in here: ${p.url}`,
  unplannedLine: (p: { customers: string }) => `Unplanned visits (nobody planned them): ${p.customers}`,
};

export type PlanMessages = typeof planMessagesEnUS;
