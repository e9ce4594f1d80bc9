import { randomBytes } from 'node:crypto';
import type { Db } from '../core/shared/db.ts';
import type { MessageSection, ReportedLocation } from './types.ts';
import type { PlanDraft } from '../core/plans/plan-visits.ts';

/** What to do once the customer is known (after a choice from a list or a confirmed creation). */
export type CustomerContinuation =
  | { intent: 'checkIn'; location?: ReportedLocation }
  | { intent: 'visitNote'; notes: string; nextStep?: string; followUpDate?: string }
  | { intent: 'showCustomer' }
  | { intent: 'plan'; personId: string; draft: PlanDraft }
  | { intent: 'planCancel'; whenText?: string }
  | { intent: 'planMove'; whenText: string; timeText?: string };

/** What the bot is waiting for from a person; kept in the database so any process can continue it. */
export type PendingQuestion =
  | { kind: 'chooseCustomer'; query: string; options: { id: string; name: string }[]; then: CustomerContinuation }
  | { kind: 'createCustomer'; name: string; then: CustomerContinuation }
  | { kind: 'awaitLocation'; customerId: string; customerName: string }
  /** A location arrived first: the next customer named (or chosen from the nearest) is checked in with it. */
  | { kind: 'awaitCustomerForLocation'; location: ReportedLocation; options: { id: string; name: string }[] }
  | { kind: 'awaitCheckoutNotes'; visitId: string; customerName: string }
  | { kind: 'awaitReportText' }
  /** `设置出发点` / `home` without coordinates: the next location is the start point. */
  | { kind: 'awaitStartPoint' }
  /** `建议计划` / `plan suggest`: `1` takes every suggested stop, numbers pick some. */
  | { kind: 'chooseSuggestedStops'; date: string; customerIds: string[] }
  /** Two colleagues with the name typed: the number picks one and `text` runs again naming them. */
  | { kind: 'choosePerson'; text: string; typed: string; options: { id: string; name: string }[] }
  /** `删除 张三 的数据` / `erase Zhang` (admins): `确认删除` / `confirm erase` as the next message erases. */
  | { kind: 'confirmErase'; userId: string }
  /**
   * A long answer shown in pages (pages.ts): the pages not yet shown, ready to send, and whether they
   * go to the person's private chat (an answer asked for in a group was sent there).
   */
  | { kind: 'morePages'; pages: StoredPage[]; total: number; privately: boolean };

/** A page of a long answer as kept between messages: its title and sections, already in the person's language. */
export interface StoredPage {
  /** 1-based, counted over the whole answer. */
  number: number;
  title: string;
  sections: MessageSection[];
}

/**
 * A question as stored. `questionId` (random, new for every question asked) is carried by every quick
 * answer the reply offers (WeCom card keys, the local chat's quick answers), so that a tap answers
 * the question its buttons belong to and never a newer one. Rows saved before ids existed have none.
 */
export type PendingState = PendingQuestion & { questionId?: string };

/** Questions whose answer is free text: while one is open, `客户很满意` (or `更多`) is an answer, not a command. */
export function awaitsFreeText(pending: PendingState | undefined): pending is Extract<PendingState, { kind: 'awaitCheckoutNotes' | 'awaitReportText' }> {
  return pending?.kind === 'awaitCheckoutNotes' || pending?.kind === 'awaitReportText';
}

/** How long a question stays open by default (a location for a check-in: as long as its link, see check-in.ts). */
export const pendingTtlMinutes: Record<PendingQuestion['kind'], number> = {
  chooseCustomer: 10,
  createCustomer: 10,
  awaitLocation: 10,
  awaitCustomerForLocation: 10,
  awaitCheckoutNotes: 60,
  awaitReportText: 120,
  awaitStartPoint: 10,
  chooseSuggestedStops: 30,
  choosePerson: 10,
  confirmErase: 10,
  // Long enough to read a page on a phone between meetings; the answer is a snapshot, so not longer.
  morePages: 60,
};

/**
 * Opens a question, replacing the person's previous one, and returns its new id (for the reply's quick
 * answers); `ttlMinutes` overrides the kind's default (a check-in waits as long as its location link lives).
 */
export async function savePendingState(
  db: Db,
  userId: string,
  state: PendingQuestion,
  now: Date,
  ttlMinutes = pendingTtlMinutes[state.kind],
): Promise<string> {
  const expires_at = new Date(now.getTime() + ttlMinutes * 60_000);
  // 9 random bytes: short enough for a WeCom vote option id (128 bytes with the answer), unguessable enough.
  const questionId = randomBytes(9).toString('base64url');
  const data = JSON.stringify({ ...state, questionId } satisfies PendingState);
  await db
    .insertInto('conversation_states')
    .values({ user_id: userId, kind: state.kind, data, expires_at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ kind: state.kind, data, expires_at }))
    .execute();
  return questionId;
}

export async function clearPendingState(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('conversation_states').where('user_id', '=', userId).execute();
}
