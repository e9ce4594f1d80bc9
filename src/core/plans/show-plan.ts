import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { User } from '../../db/schema.ts';
import type { OutboundMessage } from '../../conversation/types.ts';
import type { LatLng } from '../../geo/index.ts';
import { localDayRange } from '../shared/local-day.ts';
import { addDays } from '../../conversation/dates/local-date.ts';
import { listPlanStops, type PlanStop } from './plan-repository.ts';
import { dayLines, routeOfDay } from './route-of-day.ts';
import { dayLabel, planMessages, resolvePlanDate, todayOf, weekOf } from './plan-days.ts';

type Deps = { db: Db; clock: Clock };

/** Where a day's route starts: that day's first located check-in, else the person's start point. */
export async function originOfDay(db: Db, person: Pick<User, 'id' | 'time_zone'>, date: string): Promise<LatLng | null> {
  const { start, end } = localDayRange(date, person.time_zone);
  const first = await db
    .selectFrom('check_ins')
    .select(['lat', 'lng'])
    .where('user_id', '=', person.id)
    .where('kind', '=', 'in')
    .where('at', '>=', start)
    .where('at', '<', end)
    .where('lat', 'is not', null)
    .orderBy('at')
    .executeTakeFirst();
  if (first?.lat != null && first.lng != null) return { lat: first.lat, lng: first.lng };
  const home = await db.selectFrom('plan_start_points').select(['lat', 'lng']).where('user_id', '=', person.id).executeTakeFirst();
  return home ?? null;
}

/** One day's plan as lines (heading first), for the chat answer and the morning message. */
export async function planOfDayLines(
  db: Db,
  input: { person: User; date: string; today: string; reader: User; heading: 'plan' | 'morning' },
): Promise<{ lines: string[]; stops: PlanStop[] }> {
  const t = planMessages(input.reader.language);
  const stops = await listPlanStops(db, input.person.id, input.date, input.date);
  const who = input.person.id === input.reader.id ? null : input.person.display_name;
  const day = dayLabel(input.date, input.today);
  if (stops.length === 0) return { lines: [t.dayEmpty({ day, who })], stops };
  const origin = await originOfDay(db, input.person, input.date);
  const route = routeOfDay(stops, origin);
  const heading = input.heading === 'morning' ? t.morningHeading({ day }) : t.dayHeading({ day, who });
  return { lines: [heading, ...dayLines(t, route, { today: input.today, origin: origin !== null })], stops: route.routed.concat(route.unplaced) };
}

/**
 * `计划 [明天]` / `plan [tomorrow]` and `计划 本周` / `plan week`: a person's plan, a day in route
 * order or a week day by day. The caller has checked the reader may see `person`'s plan.
 */
export async function showPlan(
  { db, clock }: Deps,
  input: { reader: User; person: User; whenText?: string; week?: boolean },
): Promise<OutboundMessage> {
  const t = planMessages(input.reader.language);
  const now = clock.now();
  const today = todayOf(now, input.person.time_zone);
  if (input.week) return showWeek(db, input, today);
  const date = input.whenText ? resolvePlanDate(input.whenText, now, input.person.time_zone) : today;
  if (!date) return { text: t.badDate({ text: input.whenText ?? '' }) };
  const { lines } = await planOfDayLines(db, { person: input.person, date, today, reader: input.reader, heading: 'plan' });
  return { text: lines.join('\n'), sections: [{ heading: lines[0], lines: lines.slice(1) }] };
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
