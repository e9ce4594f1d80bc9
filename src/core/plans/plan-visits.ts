import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { Customer, User } from '../../db/schema.ts';
import type { OutboundMessage } from '../../conversation/types.ts';
import { enqueueMessages } from '../../conversation/outbox.ts';
import { MAX_ROUTE_STOPS } from '../../geo/index.ts';
import { directRefOf } from '../schedules/recipients.ts';
import { countLiveStops, upsertStop } from './plan-repository.ts';
import { dayLabel, formatMinute, localMinuteNow, planMessages, resolvePlanDate, resolvePlanMinute, todayOf } from './plan-days.ts';

type Deps = { db: Db; clock: Clock };

/** What was typed, before it is checked: the day and time words as written. */
export interface PlanDraft {
  whenText: string;
  timeText?: string;
  purpose?: string;
  expected?: string;
}

export type CheckedDraft = { ok: true; date: string; minute: number | null } | { ok: false; reply: OutboundMessage };

/**
 * Checks a plan's day and time on `person`'s calendar before anything is written: a day that is no
 * day or in the past, a time that is no time or already past today, a time with several customers.
 */
export function checkDraft(now: Date, reader: User, person: User, draft: PlanDraft, customers: number): CheckedDraft {
  const t = planMessages(reader.language);
  const today = todayOf(now, person.time_zone);
  const date = resolvePlanDate(draft.whenText, now, person.time_zone);
  if (!date) return { ok: false, reply: { text: t.badDate({ text: draft.whenText }) } };
  if (date < today) return { ok: false, reply: { text: t.pastDate({ day: dayLabel(date, today) }) } };
  if (draft.timeText === undefined) return { ok: true, date, minute: null };
  const minute = resolvePlanMinute(draft.timeText);
  if (minute === null) return { ok: false, reply: { text: t.badTime({ text: draft.timeText }) } };
  if (customers > 1) return { ok: false, reply: { text: t.timeOneCustomer() } };
  if (date === today && minute < localMinuteNow(now, person.time_zone)) return { ok: false, reply: { text: t.pastTime({ time: formatMinute(minute)! }) } };
  return { ok: true, date, minute };
}

/**
 * Plans visits to `customers` for `person` on the draft's day (`计划 …` for oneself, `安排 张三 …`
 * by a manager). Refuses, changing nothing, past days, bad times and more than 25 stops a day. A
 * stop planned by someone else is written to the audit log and the person is told at once, in
 * their own language, in the same transaction. The caller has checked `actor` may plan for `person`.
 */
export async function planVisits(
  { db, clock }: Deps,
  input: { actor: User; person: User; customers: readonly Customer[]; draft: PlanDraft },
): Promise<OutboundMessage> {
  const { actor, person, customers, draft } = input;
  const t = planMessages(actor.language);
  const now = clock.now();
  const checked = checkDraft(now, actor, person, draft, customers.length);
  if (!checked.ok) return checked.reply;
  const { date, minute } = checked;
  const today = todayOf(now, person.time_zone);
  const existing = await countLiveStops(db, person.id, date);
  const already = await db
    .selectFrom('visit_plans')
    .select('customer_id')
    .where('user_id', '=', person.id)
    .where('local_date', '=', date)
    .where('state', '<>', 'cancelled')
    .where('customer_id', 'in', customers.map((c) => c.id))
    .execute();
  const fresh = new Set(customers.map((c) => c.id));
  for (const row of already) fresh.delete(row.customer_id);
  if (existing + fresh.size > MAX_ROUTE_STOPS) return { text: t.tooMany({ day: dayLabel(date, today), max: MAX_ROUTE_STOPS, existing }) };

  let updated = 0;
  for (const customer of customers) {
    const stop = await upsertStop(
      db,
      {
        orgId: person.org_id, userId: person.id, customerId: customer.id, date, minute,
        purpose: draft.purpose ?? null, expected: draft.expected ?? null, plannedBy: actor.id,
      },
      now,
    );
    if (!stop.created) updated++;
    if (actor.id !== person.id) {
      await db
        .insertInto('audit_log')
        .values({
          org_id: person.org_id, actor_user_id: actor.id, action: stop.created ? 'visit_plan.assigned' : 'visit_plan.changed', subject_id: stop.id,
          detail: JSON.stringify({ person: person.id, customer: customer.id, date, minute, purpose: draft.purpose ?? null }), at: now,
        })
        .execute();
    }
  }
  const stops = customers.map((c) => ({ customer: c.name, time: formatMinute(minute) }));
  if (actor.id === person.id) {
    return { text: t.added({ day: dayLabel(date, today), stops, total: existing + fresh.size, updated }) };
  }
  await tellPerson(db, person, now, (mine) => mine.assignedToRep({ manager: actor.display_name, day: dayLabel(date, today), stops, purpose: draft.purpose ?? null }));
  return { text: t.assignedConfirm({ rep: person.display_name, day: dayLabel(date, today), stops }) };
}

/** A message to `person` in their own language, through the outbox, if they can be reached 1:1. */
export async function tellPerson(db: Db, person: User, now: Date, text: (t: ReturnType<typeof planMessages>) => string): Promise<void> {
  const row = await db.selectFrom('users as u').select(directRefOf('u.id').as('ref')).where('u.id', '=', person.id).executeTakeFirst();
  if (!row?.ref) return;
  await enqueueMessages(db, [{ orgId: person.org_id, targetRef: row.ref, message: { text: text(planMessages(person.language)), language: person.language } }], now);
}
