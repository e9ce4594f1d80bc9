import type { Customer } from '../../db/schema.ts';
import { createCustomer } from '../../core/customers/create-customer.ts';
import { findCustomerById } from '../../core/customers/customer-repository.ts';
import { nearestCustomers } from '../../core/customers/nearest-customers.ts';
import { toWgs84 } from '../../geo/index.ts';
import { clearPendingState, savePendingState, type CustomerContinuation, type PendingState } from '../pending-state.ts';
import { completeCheckIn } from './check-in.ts';
import { completeVisitNote } from './visit-note.ts';
import { showCustomer } from './customer.ts';
import { saveCheckoutNotes } from './check-out.ts';
import { submitReport } from './report.ts';
import { answerReportQuestion } from './read-reports.ts';
import { AmbiguousPersonError } from '../../core/users/find-person.ts';
import { runWithPickedPerson } from './choose-person.ts';
import { dispatch } from '../dispatch.ts';
import { checkedLocation } from './coordinates.ts';
import type { Turn } from '../turn.ts';
import { continuePlanWith } from './plans.ts';
import { pickSuggestedStops } from './plan-suggest.ts';
import { setStartPoint } from '../../core/plans/change-plans.ts';

/** A number answering the list the bot offered: which customer, or "1" to create the one not found. */
export async function handleChoice(turn: Turn, pending: PendingState | undefined, index: number): Promise<void> {
  if (pending?.kind === 'chooseSuggestedStops') return pickSuggestedStops(turn, pending, [index]);
  if (pending?.kind === 'choosePerson') return runWithPickedPerson(turn, pending, index, (text) => dispatch(turn, text));
  if (pending?.kind === 'chooseCustomer' || (pending?.kind === 'awaitCustomerForLocation' && pending.options.length > 0)) {
    const option = pending.options[index - 1];
    if (!option) {
      turn.reply(turn.t.choiceOutOfRange({ max: pending.options.length }));
      return;
    }
    const customer = await findCustomerById(turn.db, turn.org.id, option.id);
    await clearPendingState(turn.db, turn.user.id);
    if (!customer) return;
    turn.answeredQuestion = true;
    if (pending.kind === 'chooseCustomer') await continueWith(turn, customer, pending.then);
    else await completeCheckIn(turn, customer, pending.location);
    return;
  }
  if (pending?.kind === 'createCustomer') {
    if (index !== 1) {
      turn.reply(turn.t.choiceCreateOnly({ name: pending.name }));
      return;
    }
    await clearPendingState(turn.db, turn.user.id);
    turn.answeredQuestion = true;
    const customer = await createCustomer(
      { db: turn.db },
      { orgId: turn.org.id, name: pending.name, ownerId: turn.user.id, actorId: turn.user.id },
    );
    turn.reply(turn.t.customerCreated({ name: customer.name, position: turn.t.positionUnknown() }));
    await continueWith(turn, customer, pending.then);
    return;
  }
  turn.reply(turn.t.nothingToChoose());
}

/** Text that is no command: the answer to a question the bot asked, or not understood. */
export async function handleFreeText(turn: Turn, pending: PendingState | undefined, text: string): Promise<void> {
  if (pending?.kind === 'awaitCheckoutNotes') return saveCheckoutNotes(turn, pending.visitId, pending.customerName, text);
  if (pending?.kind === 'awaitReportText') {
    // A manager answering the prompt with a member's name (`张三`) asks for that member's report, as
    // `日报 张三` does; their own report stays words that name nobody, and the prompt stays open.
    try {
      if (await answerReportQuestion(turn, text)) return;
    } catch (error) {
      // Two members of that name: the number picked runs `日报 <name>` with the one chosen.
      if (error instanceof AmbiguousPersonError) error.rerun = `${turn.language === 'zh-CN' ? '日报' : 'report'} ${text}`;
      throw error;
    }
    return submitReport(turn, text);
  }
  // `1 3 4` picks suggested stops (a lone number arrives as a choice instead).
  if (pending?.kind === 'chooseSuggestedStops' && /^\d+(?:[\s,，、]+\d+)*$/u.test(text.normalize('NFKC').trim())) {
    return pickSuggestedStops(turn, pending, text.normalize('NFKC').trim().split(/[\s,，、]+/u).map(Number));
  }
  turn.reply(turn.t.unknownCommand({ text: text.length > 40 ? `${text.slice(0, 40)}…` : text }));
}

/**
 * A location with no command. It completes the check-in the rep started within the last 10 minutes;
 * otherwise it is kept for 10 minutes and the bot asks which customer, nearest first.
 */
export async function handleBareLocation(turn: Turn, pending: PendingState | undefined): Promise<void> {
  const location = checkedLocation(turn.event.location)!;
  if (pending?.kind === 'awaitStartPoint') {
    await clearPendingState(turn.db, turn.user.id);
    const point = toWgs84(location, location.system);
    turn.reply(await setStartPoint({ db: turn.db, clock: turn.clock }, { user: turn.user, lat: point.lat, lng: point.lng }));
    return;
  }
  if (pending?.kind === 'awaitLocation') {
    const customer = await findCustomerById(turn.db, turn.org.id, pending.customerId);
    await clearPendingState(turn.db, turn.user.id);
    if (customer) await completeCheckIn(turn, customer, location);
    return;
  }
  const nearby = await nearestCustomers(turn.db, {
    orgId: turn.org.id,
    userId: turn.user.id,
    point: toWgs84(location, location.system),
    limit: 5,
  });
  const options = nearby.map((c) => ({ id: c.id, name: c.name }));
  const questionId = await savePendingState(turn.db, turn.user.id, { kind: 'awaitCustomerForLocation', location, options }, turn.now);
  if (nearby.length === 0) {
    turn.reply(turn.t.locationNameCustomer());
    return;
  }
  turn.reply({
    text: turn.t.locationChooseCustomer({
      options: nearby.map((c, i) => turn.t.nearbyCustomerLine({ index: i + 1, name: c.name, distance: c.distanceMeters })).join('\n'),
    }),
    choices: nearby.map((c, i) => ({ label: c.name, reply: String(i + 1) })),
    questionId,
  });
}

async function continueWith(turn: Turn, customer: Customer, then: CustomerContinuation): Promise<void> {
  switch (then.intent) {
    case 'checkIn':
      return completeCheckIn(turn, customer, then.location);
    case 'visitNote':
      return completeVisitNote(turn, customer, then);
    case 'showCustomer':
      return showCustomer(turn, customer);
    case 'plan':
    case 'planCancel':
    case 'planMove':
      return continuePlanWith(turn, customer, then);
  }
}
