import type { Language } from '../../conversation/intents/types.ts';
import type { Db } from '../../core/shared/db.ts';
import type { LocationTokenPayload } from '../../core/location-links/location-token.ts';
import { findCustomerById } from '../../core/customers/customer-repository.ts';
import { fill, type PageText } from './page-text.ts';

/** "10:15": when a link stops working, in the rep's own time zone (links live minutes, not days). */
export function formatValidUntil(language: Language, timeZone: string, expiresAt: Date): string {
  return new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(expiresAt);
}

/**
 * What an expired link's page tells the rep to do instead (issue 11 item 10: not a dead end): the
 * exact chat command that makes a fresh link for the same customer, check-out, or 📍 again for a
 * link from the web chat's picker.
 */
export async function freshLinkAdvice(db: Db, text: PageText, payload: LocationTokenPayload): Promise<string> {
  if (payload.a === 'out') return fill(text.expiredCheckOut, { command: text.checkOutCommand });
  const customer = payload.c ? await findCustomerById(db, payload.o, payload.c) : undefined;
  if (customer) return fill(text.expiredNewLinkIn, { command: fill(text.checkInCommand, { customer: customer.name }) });
  return fill(text.expiredNewLinkPick, { command: text.checkInAnyCommand });
}
