import type { Db } from '../core/shared/db.ts';
import { knownIdentityOf, lockKnownIdentityQuery, type KnownIdentity, type KnownIdentityRow } from '../core/users/resolve-identity.ts';

/** Who sent an event, as the identity lookup needs it. */
export interface EventSender {
  platform: string;
  eventId: string;
  tenantId: string;
  externalId: string;
}

/** The first statement of a turn: a redelivery (nothing to do), or a fresh event and who sent it. */
export type ClaimedEvent = { fresh: false } | { fresh: true; known: KnownIdentity | null };

/**
 * Claims the event (its `processed_events` row) and looks up its sender, their user row locked, in one
 * round trip: every message needs both, and the lookup runs only when the claim succeeded (a lateral
 * join on the inserted row), so a redelivery locks nothing. `known` is null for a first contact.
 *
 * Only the user row is read under the lock (PostgreSQL re-reads a locked row that changed while it
 * waited); anything else a turn reads, such as its pending question, must come in later statements,
 * which see what a concurrent turn of the same person committed.
 */
export async function claimEventAndSender(db: Db, sender: EventSender): Promise<ClaimedEvent> {
  const row = await db
    .with('fresh', (q) =>
      q
        .insertInto('processed_events')
        .values({ platform: sender.platform, event_id: sender.eventId })
        .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
        .returning('event_id'),
    )
    .selectFrom('fresh')
    .leftJoinLateral(lockKnownIdentityQuery(db, sender).as('known'), (join) => join.onTrue())
    .selectAll('known')
    .executeTakeFirst();
  if (!row) return { fresh: false };
  // The lateral side is all nulls when the identity is unknown; users.id is never null otherwise.
  if (row.id === null) return { fresh: true, known: null };
  return { fresh: true, known: knownIdentityOf(row as KnownIdentityRow) };
}
