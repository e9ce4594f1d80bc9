import type { Customer } from '../../db/schema.ts';
import { createCustomer } from '../../core/customers/create-customer.ts';
import { describeCustomer } from '../../core/customers/describe-customer.ts';
import { loadActor } from '../../core/access/load-actor.ts';
import { localDateOf } from '../dates/local-date.ts';
import { resolveCustomerOrAsk } from './resolve-customer.ts';
import { typedLocation } from './coordinates.ts';
import type { Intent } from '../intents/types.ts';
import type { Turn } from '../turn.ts';

/** `客户 <名称>` / `customer <name>`. */
export async function handleShowCustomer(turn: Turn, intent: Extract<Intent, { kind: 'showCustomer' }>): Promise<void> {
  const customer = await resolveCustomerOrAsk(turn, intent.name, { intent: 'showCustomer' });
  if (customer) await showCustomer(turn, customer);
}

export async function showCustomer(turn: Turn, customer: Customer): Promise<void> {
  const { t, user } = turn;
  const today = localDateOf(turn.now, user.time_zone);
  const viewer = await loadActor(turn.db, user);
  const card = await describeCustomer(turn.db, { customerId: customer.id, today, viewer, shareNotesInTeam: turn.org.share_team_notes });
  // Notes and next steps are read by the asker's right: asked in a group, the card goes to them alone.
  const withNotes = card.lastVisits.some((v) => v.notes) || card.openFollowUps.some((f) => f.nextStep);
  const text = t.customerCard({
    name: customer.name,
    tier: customer.tier,
    aliases: customer.aliases.join(turn.language === 'zh-CN' ? '、' : ', '),
    position:
      customer.lat !== null && customer.lng !== null
        ? t.positionKnown({ lat: customer.lat, lng: customer.lng })
        : t.positionUnknown(),
    owner: card.ownerName ?? t.nobody(),
    visits: card.lastVisits.length
      ? card.lastVisits
          .map((v) =>
            t.customerVisitLine({
              date: localDateOf(v.startedAt, user.time_zone),
              rep: v.repName,
              status: t.status({ status: v.status }),
              notes: v.notes ?? '',
            }),
          )
          .join('\n')
      : t.noneYet(),
    followUps: card.openFollowUps.length
      ? card.openFollowUps.map((f) => t.customerFollowUpLine({ date: f.date, nextStep: f.nextStep ?? '', rep: f.repName })).join('\n')
      : t.noneYet(),
  });
  if (withNotes) turn.replyPrivately(text);
  else turn.reply(text);
}

/** `新客户 <名称> [lat,lng]` / `new customer <name> [lat,lng]`: the creator owns it. */
export async function handleNewCustomer(turn: Turn, intent: Extract<Intent, { kind: 'newCustomer' }>): Promise<void> {
  const location = typedLocation(intent.coordinates);
  const customer = await createCustomer(
    { db: turn.db },
    { orgId: turn.org.id, name: intent.name, ownerId: turn.user.id, actorId: turn.user.id, position: location },
  );
  turn.reply(
    turn.t.customerCreated({
      name: customer.name,
      position: customer.lat !== null && customer.lng !== null ? turn.t.positionKnown({ lat: customer.lat, lng: customer.lng }) : turn.t.positionUnknown(),
    }),
  );
}
