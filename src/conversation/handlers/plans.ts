import type { Customer, User } from '../../db/schema.ts';
import { findCustomers } from '../../core/customers/find-customers.ts';
import { planVisits, checkDraft, type PlanDraft } from '../../core/plans/plan-visits.ts';
import { showPlan } from '../../core/plans/show-plan.ts';
import { cancelPlan, movePlan, setStartPoint } from '../../core/plans/change-plans.ts';
import { findPersonByName, mayActOn } from '../../core/plans/plan-people.ts';
import { planMessages } from '../../core/plans/plan-days.ts';
import { savePendingState, type CustomerContinuation } from '../pending-state.ts';
import { resolveCustomerOrAsk } from './resolve-customer.ts';
import { typedLocation } from './coordinates.ts';
import type { PlanIntent } from '../intents/plan-intents.ts';
import type { Turn } from '../turn.ts';
import { handlePlanSuggest } from './plan-suggest.ts';
import { recordAccess } from '../../core/privacy/record-access.ts';
import { loadActor } from '../../core/access/load-actor.ts';
import { can } from '../../core/access/permissions.ts';

/** The visit-plan commands (issue 14): plan, assign, show, cancel, move, start point, suggest. */
export async function handlePlanIntent(turn: Turn, intent: PlanIntent): Promise<void> {
  const deps = { db: turn.db, clock: turn.clock };
  switch (intent.kind) {
    case 'planAdd':
      return planAdd(turn, intent);
    case 'planShow': {
      const person = intent.who ? await personFor(turn, intent.who, 'viewPerson') : turn.user;
      if (!person) return;
      await recordAccess(turn.db, { orgId: turn.org.id, viewerId: turn.user.id, subjectId: person.id, what: 'plan', via: 'chat', now: turn.now });
      // Check-in buttons only in the person's own direct chat: whoever opens one checks in as them.
      const links = person.id === turn.user.id && turn.event.conversation.kind === 'direct' ? { settings: turn.settings, replyRef: turn.event.conversation.ref } : undefined;
      return turn.reply(
        await showPlan(deps, { reader: turn.user, person, ...(intent.when ? { whenText: intent.when } : {}), ...(intent.week ? { week: true } : {}), ...(links ? { links } : {}) }),
      );
    }
    case 'planCancel':
    case 'planMove': {
      const then: CustomerContinuation =
        intent.kind === 'planCancel'
          ? { intent: 'planCancel', ...(intent.when ? { whenText: intent.when } : {}) }
          : { intent: 'planMove', whenText: intent.when, ...(intent.time ? { timeText: intent.time } : {}) };
      const matches = await findCustomers({ db: turn.db }, { orgId: turn.org.id, query: intent.customer });
      // Nobody cancels or moves a visit to a customer that does not exist: no offer to create one.
      if (matches.kind === 'none') return turn.reply(planMessages(turn.language).notFound({ customer: intent.customer }));
      const customer = await resolveCustomerOrAsk(turn, intent.customer, then);
      if (customer) await continuePlanWith(turn, customer, then);
      return;
    }
    case 'planStartPoint':
      if (!intent.coordinates) {
        await savePendingState(turn.db, turn.user.id, { kind: 'awaitStartPoint' }, turn.now);
        return turn.reply(planMessages(turn.language).startPointAsk());
      }
      return turn.reply(await setStartPoint(deps, { user: turn.user, ...(typedLocation(intent.coordinates) ?? intent.coordinates) }));
    case 'planSuggest':
      return handlePlanSuggest(turn, intent.when);
  }
}

async function planAdd(turn: Turn, intent: Extract<PlanIntent, { kind: 'planAdd' }>): Promise<void> {
  const t = planMessages(turn.language);
  const person = intent.assignee ? await personFor(turn, intent.assignee, 'assignWork') : turn.user;
  if (!person) return;
  const draft: PlanDraft = {
    whenText: intent.when,
    ...(intent.time !== undefined ? { timeText: intent.time } : {}),
    ...(intent.purpose ? { purpose: intent.purpose } : {}),
    ...(intent.expected ? { expected: intent.expected } : {}),
  };
  // Day and time first: a bad one must not open a "which customer?" question first.
  const checked = checkDraft(turn.now, turn.user, person, draft, intent.customers.length);
  if (!checked.ok) return turn.reply(checked.reply);
  const then: CustomerContinuation = { intent: 'plan', personId: person.id, draft };
  if (intent.customers.length === 1) {
    const customer = await resolveCustomerOrAsk(turn, intent.customers[0]!, then);
    if (customer) await continuePlanWith(turn, customer, then);
    return;
  }
  const customers: Customer[] = [];
  const unresolved: string[] = [];
  for (const name of intent.customers) {
    const matches = await findCustomers({ db: turn.db }, { orgId: turn.org.id, query: name });
    if (matches.kind === 'one') customers.push(matches.customer);
    else unresolved.push(name);
  }
  // The customers that are known are planned now; the first one that is not gets the usual question
  // (pick a number, or create it), and its answer plans it for the same day.
  if (customers.length > 0) turn.reply(await planVisits({ db: turn.db, clock: turn.clock }, { actor: turn.user, person, customers: unique(customers), draft }));
  const [first, ...others] = unresolved;
  if (first === undefined) return;
  if (others.length > 0) turn.reply(t.unresolvedOthers({ names: others.join(turn.language === 'zh-CN' ? '、' : ', ') }));
  const customer = await resolveCustomerOrAsk(turn, first, then);
  if (customer) await continuePlanWith(turn, customer, then);
}

function unique(customers: readonly Customer[]): Customer[] {
  return [...new Map(customers.map((c) => [c.id, c])).values()];
}

/** Continues a plan command once its customer is known (directly, or after a choice or a creation). */
export async function continuePlanWith(
  turn: Turn,
  customer: Customer,
  then: Extract<CustomerContinuation, { intent: 'plan' | 'planCancel' | 'planMove' }>,
): Promise<void> {
  const deps = { db: turn.db, clock: turn.clock };
  switch (then.intent) {
    case 'plan': {
      const person = then.personId === turn.user.id ? turn.user : await turn.db.selectFrom('users').selectAll().where('id', '=', then.personId).executeTakeFirst();
      if (!person) return;
      return turn.reply(await planVisits(deps, { actor: turn.user, person, customers: [customer], draft: then.draft }));
    }
    case 'planCancel':
      return turn.reply(await cancelPlan(deps, { user: turn.user, customer, ...(then.whenText ? { whenText: then.whenText } : {}) }));
    case 'planMove':
      return turn.reply(await movePlan(deps, { user: turn.user, customer, whenText: then.whenText, ...(then.timeText ? { timeText: then.timeText } : {}) }));
  }
}

/** The person a manager named, if the manager may see (or plan for) them; otherwise the answer says why. */
async function personFor(turn: Turn, name: string, action: 'viewPerson' | 'assignWork'): Promise<User | undefined> {
  const t = planMessages(turn.language);
  const found = await findPersonByName(turn.db, turn.org.id, name);
  if (found.kind === 'none') {
    turn.reply(action === 'assignWork' && !(await leadsAnyTeam(turn)) ? t.repCannotAssign() : t.personNotFound({ name }));
    return undefined;
  }
  if (found.kind === 'several') {
    turn.reply(t.personAmbiguous({ name, options: found.names.join(turn.language === 'zh-CN' ? '、' : ', ') }));
    return undefined;
  }
  if (await mayActOn(turn.db, turn.user, found.person, action)) return found.person;
  if (action === 'assignWork' && !(await leadsAnyTeam(turn))) turn.reply(t.repCannotAssign());
  else turn.reply(action === 'assignWork' ? t.notAllowedAssign({ name: found.person.display_name }) : t.notAllowedView({ name: found.person.display_name }));
  return undefined;
}

/** Whether the sender looks after any team at all: if not, planning for others is not theirs to do. */
async function leadsAnyTeam(turn: Turn): Promise<boolean> {
  return can(await loadActor(turn.db, turn.user), { action: 'leadAnyTeam', orgId: turn.org.id });
}
