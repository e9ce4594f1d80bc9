import type { Customer } from '../../db/schema.ts';
import { logVisitNote } from '../../core/visits/log-visit-note.ts';
import { DomainError } from '../../core/shared/domain-error.ts';
import { resolveDate } from '../dates/resolve-date.ts';
import { resolveCustomerOrAsk } from './resolve-customer.ts';
import type { Intent } from '../intents/types.ts';
import type { Turn } from '../turn.ts';

/** `拜访 <客户> <内容> 下一步 … 跟进 …` / `visit <customer>: notes; next: …; follow up: …`. */
export async function handleVisitNote(turn: Turn, intent: Extract<Intent, { kind: 'visitNote' }>): Promise<void> {
  // The date is checked before anything else so a typo never leaves a half-saved note.
  const followUpDate = intent.followUp ? resolveFollowUp(turn, intent.followUp) : undefined;
  const note = { intent: 'visitNote' as const, notes: intent.notes, nextStep: intent.nextStep, followUpDate };
  const customer = await resolveCustomerOrAsk(turn, intent.customer, note);
  if (customer) await completeVisitNote(turn, customer, note);
}

/** A follow-up date as typed (明天, 下周五, Dec 8) in the person's zone; a typo is refused before anything is written. */
export function resolveFollowUp(turn: Turn, text: string): string {
  const date = resolveDate(text, { now: turn.now, timeZone: turn.user.time_zone });
  if (!date) throw new DomainError('badFollowUpDate', { text });
  return date;
}

export async function completeVisitNote(
  turn: Turn,
  customer: Customer,
  note: { notes: string; nextStep?: string; followUpDate?: string },
): Promise<void> {
  const result = await logVisitNote(
    { db: turn.db, clock: turn.clock },
    {
      orgId: turn.org.id,
      userId: turn.user.id,
      timeZone: turn.user.time_zone,
      customer,
      notes: note.notes,
      nextStep: note.nextStep,
      followUpDate: note.followUpDate,
    },
  );
  turn.reply(
    turn.t.visitNoteSaved({
      customer: customer.name,
      nextStep: note.nextStep ?? '',
      followUp: note.followUpDate ?? '',
      noteOnly: result.noteOnly,
    }),
  );
}
