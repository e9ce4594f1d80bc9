import { sql } from 'kysely';
import type { Db } from '../core/shared/db.ts';
import { openVisitQuery, type OpenVisit } from '../core/visits/visit-repository.ts';
import type { PendingState } from './pending-state.ts';

/** What a turn reads once its person is locked: the question they were asked, the visit they are in. */
export interface TurnStart {
  /** The open question, unless it expired. */
  pending: PendingState | undefined;
  /** The person's open visit as the turn began (null: none); stale once the turn writes visits. */
  openVisit: OpenVisit | null;
}

/**
 * The person's pending question and open visit in one round trip. It must run after the statement
 * that locked the person's row (claim-event.ts): a statement sees what was committed before it began,
 * so only a later one sees what a concurrent turn of the same person wrote before letting go of the lock.
 */
export async function loadTurnStart(db: Db, userId: string, now: Date): Promise<TurnStart> {
  const row = await db
    .selectFrom(sql<{ one: number }>`(select 1 as one)`.as('turn'))
    .leftJoin('conversation_states as pending', (join) => join.on('pending.user_id', '=', userId))
    .leftJoinLateral(openVisitQuery(db, userId).as('open_visit'), (join) => join.onTrue())
    .select(['pending.data as pending_data', 'pending.expires_at as pending_expires_at'])
    .selectAll('open_visit')
    .executeTakeFirstOrThrow();
  const { pending_data, pending_expires_at, ...visit } = row;
  const pending = pending_data !== null && pending_expires_at !== null && new Date(pending_expires_at) > now ? (pending_data as PendingState) : undefined;
  // The lateral side is all nulls without an open visit; visits.id is never null otherwise.
  return { pending, openVisit: visit.id === null ? null : (visit as OpenVisit) };
}
