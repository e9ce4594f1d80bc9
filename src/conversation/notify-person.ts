import { directRefOf } from '../core/schedules/recipients.ts';
import { catalogueFor, type Catalogue } from './i18n/catalogue.ts';
import { enqueueMessages } from './outbox.ts';
import type { Language } from './intents/types.ts';
import type { OutboundMessage } from './types.ts';
import type { Turn } from './turn.ts';

/**
 * Queues a message to someone other than the sender (the manager asked to approve, the rep told the
 * decision), in that person's language, to their 1:1 conversation, in the turn's transaction: it is
 * sent only if the change it tells about commits. Someone never reached 1:1 gets nothing (returns false).
 */
export async function notifyPerson(
  turn: Turn,
  userId: string,
  build: (t: Catalogue, language: Language) => string | OutboundMessage,
): Promise<boolean> {
  const person = await turn.db
    .selectFrom('users as u')
    .select(['u.language', directRefOf('u.id').as('direct_ref')])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!person?.direct_ref) return false;
  const built = build(catalogueFor(person.language), person.language);
  const message = typeof built === 'string' ? { text: built } : built;
  await enqueueMessages(turn.db, [{ orgId: turn.org.id, targetRef: person.direct_ref, message: { language: person.language, ...message } }], turn.now);
  return true;
}
