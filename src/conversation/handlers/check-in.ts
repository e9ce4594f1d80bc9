import type { Customer } from '../../db/schema.ts';
import { recordCheckIn } from '../../core/checkins/record-check-in.ts';
import type { OpenVisit } from '../../core/visits/visit-repository.ts';
import { issueLocationLink } from '../../core/location-links/issue-location-link.ts';
import { checkInSummaryLines } from '../check-in-summary.ts';
import { savePendingState, type PendingState } from '../pending-state.ts';
import { resolveCustomerOrAsk } from './resolve-customer.ts';
import { checkedLocation, typedLocation } from './coordinates.ts';
import type { Intent } from '../intents/types.ts';
import type { ReportedLocation } from '../types.ts';
import type { Turn } from '../turn.ts';

/** `签到 <客户> [lat,lng]` / `checkin <customer> [lat,lng]`, with the message's location if it has one. */
export async function handleCheckIn(
  turn: Turn,
  intent: Extract<Intent, { kind: 'checkIn' }>,
  pending?: PendingState,
  /** The open visit as the turn began (turn-start.ts); nothing before this handler writes visits. */
  openVisit?: OpenVisit | null,
): Promise<void> {
  // A location sent just before (WeCom's picker, the web chat's button) pairs with this check-in.
  const earlierLocation = pending?.kind === 'awaitCustomerForLocation' ? pending.location : undefined;
  const location = typedLocation(intent.coordinates) ?? checkedLocation(turn.event.location) ?? earlierLocation;
  if (!intent.customer) {
    turn.reply(turn.t.checkInNeedsCustomer());
    return;
  }
  const customer = await resolveCustomerOrAsk(turn, intent.customer, { intent: 'checkIn', location });
  if (customer) await completeCheckIn(turn, customer, location, openVisit);
}

/**
 * Checks in once customer and location are known. Without a location it sends the signed location
 * link and waits up to 10 minutes for a location message to pair with it.
 */
export async function completeCheckIn(
  turn: Turn,
  customer: Customer,
  location: ReportedLocation | undefined,
  /** The person's open visit when known to be current (null: none); undefined to read it. */
  openVisit?: OpenVisit | null,
): Promise<void> {
  const { t } = turn;
  if (!location) {
    const link = issueLocationLink(turn.settings, {
      orgId: turn.org.id,
      userId: turn.user.id,
      customerId: customer.id,
      // The result of using the link goes where the link went: to the person, never to a group.
      replyRef: turn.privateRef ?? turn.event.conversation.ref,
      action: 'in',
      now: turn.now,
    });
    // The reply offers two ways to send the location, the link or the chat: both stay open equally long.
    const waiting = { kind: 'awaitLocation', customerId: customer.id, customerName: customer.name } as const;
    await savePendingState(turn.db, turn.user.id, waiting, turn.now, turn.settings.linkTtlMinutes);
    // A personal, single-use link: whoever opens it checks in as this person.
    turn.replyPrivately({
      text: t.checkInLocationLink({ customer: customer.name, url: link.url, minutes: turn.settings.linkTtlMinutes }),
      actions: [{ label: turn.language === 'zh-CN' ? '共享位置并签到' : 'Share location and check in', url: link.url }],
    });
    return;
  }
  const result = await recordCheckIn(
    { db: turn.db, clock: turn.clock },
    {
      orgId: turn.org.id,
      userId: turn.user.id,
      customer,
      radiusMeters: turn.org.checkin_radius_m,
      platform: turn.event.platform,
      location,
      userZone: turn.user,
      ...(openVisit !== undefined ? { openVisit } : {}),
    },
  );
  const lines = checkInSummaryLines(t, { customerName: customer.name, result, location, radiusMeters: result.radiusMeters });
  lines.push(t.checkInThenNotes());
  turn.reply(lines.join('\n'));
}
