import { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { Customer, Database, CheckInStatus } from '../../db/schema.ts';
import type { Clock } from '../../core/shared/clock.ts';
import type { Language } from '../../conversation/intents/types.ts';
import type { ReportedLocation } from '../../conversation/types.ts';
import { DomainError } from '../../core/shared/domain-error.ts';
import { recordCheckIn } from '../../core/checkins/record-check-in.ts';
import { recordCheckOut } from '../../core/checkins/record-check-out.ts';
import type { LocationEvaluation } from '../../core/checkins/evaluate-location.ts';
import { findCustomerById } from '../../core/customers/customer-repository.ts';
import { spendLocationToken } from '../../core/location-links/spend-location-token.ts';
import { checkInSummaryLines } from '../../conversation/check-in-summary.ts';
import { catalogueFor, render } from '../../conversation/i18n/catalogue.ts';
import { savePendingState } from '../../conversation/pending-state.ts';
import { enqueueMessages } from '../../conversation/outbox.ts';
import { validateCoordinates } from '../../geo/index.ts';
import { pageTextFor, type PageTextKey } from './page-text.ts';
import { problemStatus, resolveLink, type LinkProblem, type OpenLink } from './resolve-link.ts';

/** The body of `POST /c/:token`. */
export const submitSchema = z
  .object({
    lat: z.number().optional(),
    lng: z.number().optional(),
    accuracy: z.number().nonnegative().max(1_000_000).optional(),
    system: z.enum(['wgs84', 'gcj02']).optional(),
    /** The platform's browser API said the position is simulated (DingTalk JSAPI `isFromMock`). */
    mocked: z.boolean().optional(),
    customerId: z.string().max(100).optional(),
    withoutLocation: z.literal(true).optional(),
  })
  .strict();

export type SubmitBody = z.infer<typeof submitSchema>;

/** What the page shows after a successful submit. */
export interface SubmitResult {
  ok: true;
  action: 'in' | 'out';
  status: CheckInStatus;
  customer: { id: string; name: string };
  distanceMeters: number | null;
  radiusMeters: number;
  accuracyMeters: number | null;
  accuracyFlagged: boolean;
  mocked: boolean;
  /** Whether a manager will hear of this check-in (someone else manages a team of the rep's); false for a check-out. */
  managerSees: boolean;
  durationMinutes?: number;
  /** A short headline in the rep's language ("Checked in ✓ verified"). */
  headline: string;
  /** The same text the chat confirmation carries. */
  message: string;
  /** False when the rep has no conversation to send the confirmation to. */
  notified: boolean;
}

export interface SubmitFailure {
  ok: false;
  status: 400 | 403 | 404 | 409 | 410;
  error: LinkProblem | 'badRequest' | 'customerRequired' | 'customerNotFound' | 'customerMismatch' | 'refused';
  /** For link problems: the page's headline ("This link has expired"). */
  title?: string;
  message: string;
}

export interface SubmitDeps {
  db: Kysely<Database>;
  clock: Clock;
  linkSecret: string;
}

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A link problem as the JSON the page shows (title and explanation in one sentence pair). */
export function linkProblemFailure(problem: LinkProblem, language: Language): SubmitFailure {
  const text = pageTextFor(language);
  const keys = problemKeys[problem];
  return { ok: false, status: problemStatus[problem], error: problem, title: text[keys.title], message: text[keys.body] };
}

export const problemKeys: Record<LinkProblem, { title: PageTextKey; body: PageTextKey }> = {
  malformed: { title: 'tamperedTitle', body: 'tamperedBody' },
  tampered: { title: 'tamperedTitle', body: 'tamperedBody' },
  expired: { title: 'expiredTitle', body: 'expiredBody' },
  used: { title: 'usedTitle', body: 'usedBody' },
  userGone: { title: 'userGoneTitle', body: 'userGoneBody' },
};

class LinkAlreadyUsed extends Error {}

/**
 * Completes a location link: checks it, spends its nonce, records the check-in (or check-out) and
 * queues the chat confirmation, all in one transaction. Anything refused changes nothing: the
 * link stays usable unless the refusal was that it had been used. `onCommitted` runs only when
 * the outbox got a message.
 */
export async function submitLocation(
  deps: SubmitDeps,
  token: string,
  rawBody: unknown,
  fallbackLanguage: Language,
): Promise<{ outcome: SubmitResult | SubmitFailure; queued: boolean }> {
  const now = deps.clock.now();
  const resolved = await resolveLink(deps.db, deps.linkSecret, token, now);
  if (!resolved.ok) return { outcome: linkProblemFailure(resolved.problem, resolved.language ?? fallbackLanguage), queued: false };
  const { link } = resolved;
  const text = pageTextFor(link.language);
  const fail = (status: SubmitFailure['status'], error: SubmitFailure['error'], message: string) => ({
    outcome: { ok: false, status, error, message } as SubmitFailure,
    queued: false,
  });

  const parsed = submitSchema.safeParse(rawBody);
  if (!parsed.success) return fail(400, 'badRequest', text.badRequest);
  const body = parsed.data;
  const location = reportedLocation(body);
  if (location === 'missing') return fail(400, 'badRequest', text.badRequest);
  if (typeof location === 'string') return fail(400, 'badRequest', render(link.language, location, undefined));

  let customer: Customer | undefined;
  if (link.payload.a === 'in') {
    if (link.payload.c && body.customerId && body.customerId !== link.payload.c) return fail(400, 'customerMismatch', text.customerMismatch);
    const customerId = link.payload.c ?? body.customerId;
    if (!customerId) return fail(400, 'customerRequired', text.customerRequired);
    customer = uuidLike.test(customerId) ? await findCustomerById(deps.db, link.org.id, customerId) : undefined;
    if (!customer) return fail(404, 'customerNotFound', text.customerNotFound);
  }

  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (!(await spendLocationToken(trx, link.payload, now))) throw new LinkAlreadyUsed();
      const { result, chat } =
        link.payload.a === 'in'
          ? await checkIn(trx, deps.clock, link, customer!, location)
          : await checkOut(trx, deps.clock, link, location);
      const targetRef = link.payload.r ?? (await directRefOf(trx, link.user.id));
      if (targetRef) {
        await enqueueMessages(trx, chat.map((message) => ({ orgId: link.org.id, targetRef, message: { text: message } })), now);
      }
      return { outcome: { ...result, notified: Boolean(targetRef) }, queued: Boolean(targetRef) };
    });
  } catch (error) {
    if (error instanceof LinkAlreadyUsed) return { outcome: linkProblemFailure('used', link.language), queued: false };
    if (error instanceof DomainError) return fail(409, 'refused', render(link.language, error.code, error.params));
    throw error;
  }
}

type Recorded = { result: Omit<SubmitResult, 'notified'>; chat: string[] };

async function checkIn(
  trx: Transaction<Database>,
  clock: Clock,
  link: OpenLink,
  customer: Customer,
  location: ReportedLocation | undefined,
): Promise<Recorded> {
  const t = catalogueFor(link.language);
  const text = pageTextFor(link.language);
  const radius = link.org.checkin_radius_m;
  const recorded = await recordCheckIn(
    { db: trx, clock },
    { orgId: link.org.id, userId: link.user.id, customer, radiusMeters: radius, platform: platformOf(link), location },
  );
  // The check-in this link was waiting for is done: the chat stops waiting for a location.
  await trx.deleteFrom('conversation_states').where('user_id', '=', link.user.id).where('kind', '=', 'awaitLocation').execute();

  const { evaluation } = recorded;
  const lines = checkInSummaryLines(t, { customerName: customer.name, result: recorded, location, radiusMeters: recorded.radiusMeters });
  if (location?.mocked) lines.push(text.mockedChatNote);
  lines.push(t.checkInThenNotes());
  const message = lines.join('\n');
  const headline = { verified: text.resultVerified, outside: text.resultOutside, unverified: text.resultUnverified }[evaluation.status];
  return {
    result: {
      ...positionResult('in', { id: customer.id, name: customer.name }, evaluation, recorded.radiusMeters, location),
      managerSees: recorded.managerSees ?? false,
      headline,
      message,
    },
    chat: [message],
  };
}

/** What the page shows of a check-in or check-out's position, the same for both. */
function positionResult(
  action: 'in' | 'out',
  customer: { id: string; name: string },
  evaluation: LocationEvaluation,
  radiusMeters: number,
  location: ReportedLocation | undefined,
): Omit<SubmitResult, 'notified' | 'headline' | 'message' | 'durationMinutes' | 'managerSees'> {
  return {
    ok: true,
    action,
    status: evaluation.status,
    customer,
    distanceMeters: evaluation.distanceMeters !== undefined ? Math.round(evaluation.distanceMeters) : null,
    radiusMeters,
    accuracyMeters: location?.accuracy ?? null,
    accuracyFlagged: evaluation.accuracyFlagged,
    mocked: Boolean(location?.mocked),
  };
}

async function checkOut(trx: Transaction<Database>, clock: Clock, link: OpenLink, location: ReportedLocation | undefined): Promise<Recorded> {
  const t = catalogueFor(link.language);
  const text = pageTextFor(link.language);
  const radius = link.org.checkin_radius_m;
  const recorded = await recordCheckOut(
    { db: trx, clock },
    { orgId: link.org.id, userId: link.user.id, radiusMeters: radius, platform: platformOf(link), location },
  );
  const done = t.checkOutDone({ customer: recorded.customerName, duration: recorded.durationMinutes });
  const chat = [location?.mocked ? `${done}\n${text.mockedChatNote}` : done];
  if (!recorded.hasNotes) {
    await savePendingState(
      trx,
      link.user.id,
      { kind: 'awaitCheckoutNotes', visitId: recorded.visitId, customerName: recorded.customerName },
      clock.now(),
    );
    chat.push(t.checkOutAskNotes());
  }
  const customer = { id: recorded.customerId, name: recorded.customerName };
  return {
    result: {
      ...positionResult('out', customer, recorded.evaluation, recorded.radiusMeters, location),
      durationMinutes: recorded.durationMinutes,
      managerSees: false,
      headline: text.resultOut,
      message: chat.join('\n'),
    },
    chat,
  };
}

/** The body's position, `undefined` for "without location", or why it cannot be used. */
function reportedLocation(
  body: SubmitBody,
): ReportedLocation | undefined | 'missing' | 'coordinatesNotANumber' | 'coordinatesOutOfRange' | 'coordinatesSwapped' {
  if (body.withoutLocation) return undefined;
  if (body.lat === undefined || body.lng === undefined) return 'missing';
  const checked = validateCoordinates(body.lat, body.lng);
  if (!checked.ok) {
    return ({ not_a_number: 'coordinatesNotANumber', out_of_range: 'coordinatesOutOfRange', swapped: 'coordinatesSwapped' } as const)[
      checked.problem
    ];
  }
  return {
    ...checked.value,
    system: body.system ?? 'wgs84',
    ...(body.accuracy !== undefined ? { accuracy: body.accuracy } : {}),
    ...(body.mocked ? { mocked: true } : {}),
  };
}

/** The chat platform the rep came from (the prefix of the reply ref), recorded as the source. */
function platformOf(link: OpenLink): string {
  const ref = link.payload.r;
  return ref && ref.includes(':') ? ref.slice(0, ref.indexOf(':')) : 'web';
}

/** Where to reach the rep 1:1 when the link did not say where it was asked for. */
async function directRefOf(db: Transaction<Database>, userId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('identities')
    .select('direct_ref')
    .where('user_id', '=', userId)
    .where('direct_ref', 'is not', null)
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.direct_ref ?? undefined;
}
