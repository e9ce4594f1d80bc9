import { recordCheckOut } from '../../core/checkins/record-check-out.ts';
import { joinNotes } from '../../core/checkins/record-check-out.ts';
import { clearPendingState, savePendingState } from '../pending-state.ts';
import { checkedLocation } from './coordinates.ts';
import { resolveFollowUp } from './visit-note.ts';
import type { Intent } from '../intents/types.ts';
import type { Turn } from '../turn.ts';

/**
 * `签退 [备注] [下一步 …] [跟进 …]` / `checkout [notes; next: …; follow up: …]`: closes the open visit;
 * without notes or a next step, asks for the notes.
 */
export async function handleCheckOut(turn: Turn, intent: Extract<Intent, { kind: 'checkOut' }>): Promise<void> {
  // The date is checked first so a typo never leaves the visit closed without its follow-up.
  const followUpDate = intent.followUp ? resolveFollowUp(turn, intent.followUp) : undefined;
  const result = await recordCheckOut(
    { db: turn.db, clock: turn.clock },
    {
      orgId: turn.org.id,
      userId: turn.user.id,
      radiusMeters: turn.org.checkin_radius_m,
      platform: turn.event.platform,
      notes: intent.notes,
      nextStep: intent.nextStep,
      followUpDate,
      location: checkedLocation(turn.event.location),
    },
  );
  const done = turn.t.checkOutDone({ customer: result.customerName, duration: result.durationMinutes });
  const next = intent.nextStep || followUpDate ? turn.t.checkOutNextSteps({ nextStep: intent.nextStep ?? '', followUp: followUpDate ?? '' }) : '';
  turn.reply(next ? `${done}\n${next}` : done);
  if (!result.hasNotes) {
    await savePendingState(turn.db, turn.user.id, { kind: 'awaitCheckoutNotes', visitId: result.visitId, customerName: result.customerName }, turn.now);
    // The answer is the visit's notes: asked in private so they are not written into a group.
    turn.replyPrivately(turn.t.checkOutAskNotes());
  }
}

/** The answer to "how did it go?" after a checkout without notes. */
export async function saveCheckoutNotes(turn: Turn, visitId: string, customerName: string, text: string): Promise<void> {
  const visit = await turn.db.selectFrom('visits').select('notes').where('id', '=', visitId).executeTakeFirstOrThrow();
  await turn.db
    .updateTable('visits')
    .set({ notes: joinNotes(visit.notes, text), updated_at: turn.now })
    .where('id', '=', visitId)
    .execute();
  await clearPendingState(turn.db, turn.user.id);
  turn.reply(turn.t.checkOutNotesSaved({ customer: customerName }));
}
