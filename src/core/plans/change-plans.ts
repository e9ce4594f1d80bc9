import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { Customer, User } from '../../db/schema.ts';
import type { OutboundMessage } from '../../conversation/types.ts';
import { validateCoordinates } from '../../geo/index.ts';
import { MAX_ROUTE_STOPS } from '../../geo/index.ts';
import { countLiveStops, findOpenStop } from './plan-repository.ts';
import { checkDraft } from './plan-visits.ts';
import { dayLabel, formatMinute, planMessages, resolvePlanDate, todayOf } from './plan-days.ts';

type Deps = { db: Db; clock: Clock };

/** `取消计划 华为 [明天]` / `plan cancel Huawei [tomorrow]`: the named day's stop, else the next open one. */
export async function cancelPlan({ db, clock }: Deps, input: { user: User; customer: Customer; whenText?: string }): Promise<OutboundMessage> {
  const t = planMessages(input.user.language);
  const now = clock.now();
  const today = todayOf(now, input.user.time_zone);
  const date = input.whenText ? resolvePlanDate(input.whenText, now, input.user.time_zone) : undefined;
  if (date === null) return { text: t.badDate({ text: input.whenText ?? '' }) };
  const stop = await findOpenStop(db, { userId: input.user.id, customerId: input.customer.id, today, ...(date ? { date } : {}) });
  if (!stop || stop.local_date < today) return { text: t.notFound({ customer: input.customer.name }) };
  await db.updateTable('visit_plans').set({ state: 'cancelled', updated_at: now }).where('id', '=', stop.id).execute();
  await auditChange(db, input.user, stop.id, 'visit_plan.cancelled', { date: stop.local_date }, now);
  return { text: t.cancelled({ customer: input.customer.name, day: dayLabel(stop.local_date, today) }) };
}

/** `改期 华为 周五 [14:00]` / `plan move Huawei Fri [14:00]`: the next open stop at that customer moves. */
export async function movePlan(
  { db, clock }: Deps,
  input: { user: User; customer: Customer; whenText: string; timeText?: string },
): Promise<OutboundMessage> {
  const t = planMessages(input.user.language);
  const now = clock.now();
  const today = todayOf(now, input.user.time_zone);
  const checked = checkDraft(now, input.user, input.user, { whenText: input.whenText, ...(input.timeText ? { timeText: input.timeText } : {}) }, 1);
  if (!checked.ok) return checked.reply;
  const stop = await findOpenStop(db, { userId: input.user.id, customerId: input.customer.id, today });
  if (!stop) return { text: t.notFound({ customer: input.customer.name }) };
  const target = checked.date;
  if (target !== stop.local_date) {
    const clash = await findOpenStop(db, { userId: input.user.id, customerId: input.customer.id, date: target, today });
    if (clash) return { text: t.alreadyThatDay({ customer: input.customer.name, day: dayLabel(target, today) }) };
    const existing = await countLiveStops(db, input.user.id, target);
    if (existing + 1 > MAX_ROUTE_STOPS) return { text: t.tooMany({ day: dayLabel(target, today), max: MAX_ROUTE_STOPS, existing }) };
  }
  // A move without a time keeps the stop's time only on the same day; a new day starts untimed.
  const minute = checked.minute ?? (target === stop.local_date ? stop.planned_minute : null);
  await db.updateTable('visit_plans').set({ local_date: target, planned_minute: minute, updated_at: now }).where('id', '=', stop.id).execute();
  await auditChange(db, input.user, stop.id, 'visit_plan.moved', { from: stop.local_date, to: target, minute }, now);
  return { text: t.moved({ customer: input.customer.name, from: dayLabel(stop.local_date, today), to: dayLabel(target, today), time: formatMinute(minute) }) };
}

/** Changes to a stop someone else planned go to the audit log: the planner may need to know why. */
async function auditChange(db: Db, user: User, planId: string, action: string, detail: Record<string, unknown>, now: Date): Promise<void> {
  const plan = await db.selectFrom('visit_plans').select(['planned_by', 'org_id']).where('id', '=', planId).executeTakeFirst();
  if (!plan || plan.planned_by === null || plan.planned_by === user.id) return;
  await db
    .insertInto('audit_log')
    .values({ org_id: plan.org_id, actor_user_id: user.id, action, subject_id: planId, detail: JSON.stringify({ ...detail, plannedBy: plan.planned_by }), at: now })
    .execute();
}

/** `设置出发点 22.54,113.95` / `home 22.54,113.95`: where routes start before the day's first check-in (WGS-84). */
export async function setStartPoint({ db, clock }: Deps, input: { user: User; lat: number; lng: number }): Promise<OutboundMessage> {
  const t = planMessages(input.user.language);
  const checked = validateCoordinates(input.lat, input.lng);
  if (!checked.ok) return { text: t.startPointBad() };
  const now = clock.now();
  const { lat, lng } = checked.value;
  await db
    .insertInto('plan_start_points')
    .values({ user_id: input.user.id, lat, lng, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ lat, lng, updated_at: now }))
    .execute();
  return { text: t.startPointSet({ lat, lng }) };
}
