import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { User } from '../../db/schema.ts';
import type { OutboundMessage } from '../../conversation/types.ts';
import { addDays } from '../../conversation/dates/local-date.ts';
import { listPlanStops, originOfDay, type PlanStop } from './plan-repository.ts';
import { routeOfDay } from './route-of-day.ts';
import { planOfDayMessage, type StopLinkContext } from './plan-message.ts';
import { dayLabel, planMessages, resolvePlanDate, todayOf, weekOf } from './plan-days.ts';

type Deps = { db: Db; clock: Clock };

/** One day's plan as lines (heading first), without links: a manager's view of a member's day. */
export async function planOfDayLines(
  db: Db,
  input: { person: User; date: string; today: string; reader: User; heading: 'plan' | 'morning' },
): Promise<{ lines: string[]; stops: PlanStop[] }> {
  const { message, stops } = await planOfDayMessage(db, input);
  return { lines: message.text.split('\n'), stops };
}

/**
 * `计划 [明天]` / `plan [tomorrow]` and `计划 本周` / `plan week`: a person's plan, a day in route
 * order or a week day by day. The caller has checked the reader may see `person`'s plan.
 */
export async function showPlan(
  { db, clock }: Deps,
  input: { reader: User; person: User; whenText?: string; week?: boolean; links?: Omit<StopLinkContext, 'now'> },
): Promise<OutboundMessage> {
  const t = planMessages(input.reader.language);
  const now = clock.now();
  const today = todayOf(now, input.person.time_zone);
  if (input.week) return showWeek(db, input, today);
  const date = input.whenText ? resolvePlanDate(input.whenText, now, input.person.time_zone) : today;
  if (!date) return { text: t.badDate({ text: input.whenText ?? '' }) };
  const links = input.links ? { ...input.links, now } : undefined;
  const { message } = await planOfDayMessage(db, { person: input.person, date, today, reader: input.reader, heading: 'plan', ...(links ? { links } : {}) });
  return message;
}

async function showWeek(db: Db, input: { reader: User; person: User; whenText?: string }, today: string): Promise<OutboundMessage> {
  const t = planMessages(input.reader.language);
  const who = input.person.id === input.reader.id ? null : input.person.display_name;
  const { from, to } = weekOf(today, input.whenText === 'next week');
  const stops = await listPlanStops(db, input.person.id, from, to);
  if (stops.filter((s) => s.state !== 'cancelled').length === 0) return { text: t.weekEmpty({ who }) };
  const lines = [t.weekHeading({ who, from: dayLabel(from, today), to: dayLabel(to, today) })];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const ofDay = stops.filter((s) => s.localDate === date);
    if (ofDay.every((s) => s.state === 'cancelled')) continue;
    const route = routeOfDay(ofDay, await originOfDay(db, input.person, date));
    const ordered = route.routed.concat(route.unplaced);
    lines.push(
      t.weekDayLine({
        day: dayLabel(date, today),
        customers: ordered.map((s) => s.customerName).join(input.reader.language === 'zh-CN' ? '、' : ', '),
        stops: ordered.length,
        done: ordered.filter((s) => s.state === 'done').length,
        meters: route.routed.length >= 2 ? route.meters : null,
      }),
    );
  }
  return { text: lines.join('\n'), sections: [{ heading: lines[0], lines: lines.slice(1) }] };
}
