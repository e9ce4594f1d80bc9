import type { Customer } from '../../db/schema.ts';
import { findCustomers } from '../../core/customers/find-customers.ts';
import { savePendingState, type CustomerContinuation } from '../pending-state.ts';
import type { Turn } from '../turn.ts';

/** At most this many candidates are listed: a longer list is no help on a phone. */
const maxOptions = 9;

/**
 * Finds the one customer a rep meant. With several matches it lists them and waits for a number;
 * with none it offers to create the customer. Either way `then` runs once the customer is known.
 */
export async function resolveCustomerOrAsk(
  turn: Turn,
  query: string,
  then: CustomerContinuation,
): Promise<Customer | undefined> {
  const matches = await findCustomers({ db: turn.db }, { orgId: turn.org.id, query });
  if (matches.kind === 'one') return matches.customer;
  if (matches.kind === 'none') {
    await savePendingState(turn.db, turn.user.id, { kind: 'createCustomer', name: query.trim(), then }, turn.now);
    turn.reply(turn.t.customerNotFound({ name: query.trim() }));
    return undefined;
  }
  const options = matches.options.slice(0, maxOptions);
  const questionId = await savePendingState(turn.db, turn.user.id, { kind: 'chooseCustomer', query, options, then }, turn.now);
  turn.reply({
    text: turn.t.customerChoose({ name: query.trim(), options: options.map((o, i) => `${i + 1}. ${o.name}`).join('\n') }),
    choices: options.map((o, i) => ({ label: o.name, reply: String(i + 1) })),
    questionId,
  });
  return undefined;
}
