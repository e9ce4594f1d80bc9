import type { Db } from '../shared/db.ts';
import type { User } from '../../db/schema.ts';
import type { MessageSection, OutboundMessage } from '../../conversation/types.ts';
import { issueLocationLink, type LocationLinkSettings } from '../location-links/issue-location-link.ts';
import { localDayRange } from '../shared/local-day.ts';
import { listPlanStops, originOfDay, type PlanStop } from './plan-repository.ts';
import { dayParts, effectiveState, routeOfDay } from './route-of-day.ts';
import { dayLabel, planMessages } from './plan-days.ts';
import { listUnplannedVisits } from './plan-tallies.ts';

/**
 * Check-in links in a plan: minted for the person whose plan it is, their confirmation going to
 * `replyRef` (the chat the plan went to, never a group).
 */
export interface StopLinkContext {
  settings: LocationLinkSettings;
  replyRef?: string;
  now: Date;
}

type Person = Pick<User, 'id' | 'org_id' | 'time_zone'>;

/**
 * A check-in link for one planned stop: the location page for that customer, bound to the person.
 * It lasts until the end of the stop's local day (at least the usual link lifetime), so the morning
 * plan's buttons still work in the afternoon; spent once, like every location link.
 */
export function stopCheckInUrl(links: StopLinkContext, person: Person, stop: Pick<PlanStop, 'customerId' | 'localDate'>): string {
  return issueLocationLink(links.settings, {
    orgId: person.org_id,
    userId: person.id,
    customerId: stop.customerId,
    ...(links.replyRef ? { replyRef: links.replyRef } : {}),
    action: 'in',
    now: links.now,
    expiresAt: localDayRange(stop.localDate, person.time_zone).end,
  }).url;
}

/**
 * One day's plan as a message: a heading, one line per stop in route order, then cancelled stops,
 * totals and the day's unplanned visits. With `links`, when the reader is the person and the day is
 * their today, every stop still to do gets a check-in button (a section of its own with an
 * `action`, rendered natively per platform) and its link in the plain text. Links are only minted
 * for today: a bearer link to check in as someone should not live for days.
 */
export async function planOfDayMessage(
  db: Db,
  input: { person: User; date: string; today: string; reader: User; heading: 'plan' | 'morning'; links?: StopLinkContext },
): Promise<{ message: OutboundMessage; stops: PlanStop[] }> {
  const { person, date, today, reader } = input;
  const t = planMessages(reader.language);
  const language = reader.language;
  const stops = await listPlanStops(db, person.id, date, date);
  const who = person.id === reader.id ? null : person.display_name;
  const day = dayLabel(date, today);
  const unplanned = date <= today ? await listUnplannedVisits(db, person, date) : [];
  const unplannedLine = unplanned.length > 0 ? [t.unplannedLine({ customers: unplanned.join(language === 'zh-CN' ? '、' : ', ') })] : [];
  if (stops.length === 0) {
    const lines = [t.dayEmpty({ day, who }), ...unplannedLine];
    return { message: { text: lines.join('\n'), language }, stops };
  }
  const origin = await originOfDay(db, person, date);
  const route = routeOfDay(stops, origin);
  const parts = dayParts(t, route, { today, origin: origin !== null });
  const rest = [...parts.rest, ...unplannedLine];
  const heading = input.heading === 'morning' ? t.morningHeading({ day }) : t.dayHeading({ day, who });
  const linkable = input.links && reader.id === person.id && date === today ? input.links : undefined;
  const withLinks = parts.stops.map(({ stop, line }) => ({
    stop,
    line,
    url: linkable && effectiveState(stop, today) === 'planned' ? stopCheckInUrl(linkable, person, stop) : undefined,
  }));
  const text = [heading, ...withLinks.flatMap((s) => (s.url ? [s.line, t.stopLinkLine({ url: s.url })] : [s.line])), ...rest].join('\n');
  const ordered = route.routed.concat(route.unplaced);
  if (!withLinks.some((s) => s.url)) {
    return { message: { text, sections: [{ heading, lines: [...parts.stops.map((s) => s.line), ...rest] }], language }, stops: ordered };
  }
  const sections: MessageSection[] = [
    { heading, lines: [] },
    ...withLinks.map((s) => ({ lines: [s.line], ...(s.url ? { action: { label: t.checkInAt({ customer: s.stop.customerName }), url: s.url } } : {}) })),
    ...(rest.length ? [{ lines: rest }] : []),
  ];
  return { message: { text, sections, language }, stops: ordered };
}
