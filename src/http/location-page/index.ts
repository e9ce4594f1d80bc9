import type { Context, Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Clock } from '../../core/shared/clock.ts';
import type { Logger } from '../../logger.ts';
import type { Language } from '../../conversation/intents/types.ts';
import { render } from '../../conversation/i18n/catalogue.ts';
import { findCustomerById } from '../../core/customers/customer-repository.ts';
import { findOpenVisit } from '../../core/visits/visit-repository.ts';
import { validateCoordinates } from '../../geo/index.ts';
import { languageFromHeader, pageTextFor } from './page-text.ts';
import { resolveLink, problemStatus, type LinkProblem } from './resolve-link.ts';
import { listPickableCustomers } from './nearby-customers.ts';
import { renderLocationPage, type PageCustomer } from './render-page.ts';
import { renderProblemPage } from './render-problem.ts';
import { linkProblemFailure, problemKeys, submitLocation } from './submit-location.ts';
import { mountLocalChatLinks } from './local-chat-links.ts';
import { formatValidUntil, freshLinkAdvice } from './link-validity.ts';
import { limitBody } from '../body-limit.ts';
import { radiusFor } from '../../core/checkins/evaluate-location.ts';

/** The location page's form bodies (position, customer, a short note) are well under this. */
const maxFormBytes = 16 * 1024;

export interface LocationPageDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  linkSecret: string;
  /** Wakes the delivery loop after a confirmation was queued. */
  onOutboxWritten?: () => void;
  /**
   * Set when the local web chat is on: `POST /local/location-link` then hands the chat's 📍 button a
   * link for a local user, and `GET /local/people/:userId` what to offer (local-chat-links.ts; the
   * local chat has no authentication by design; never mount it otherwise).
   */
  localChat?: { publicUrl: string; linkTtlMinutes: number };
}

/**
 * The location page (issue 7): `GET /c/:token` shows it, `GET /c/:token/customers` feeds its picker,
 * `POST /c/:token` records the check-in or check-out and queues the chat confirmation.
 */
export function mountLocationPage(app: Hono, deps: LocationPageDeps): void {
  app.get('/c/:token', (c) => guarded(deps, c, 'html', () => showPage(deps, c)));
  app.get('/c/:token/customers', (c) => guarded(deps, c, 'json', () => pickerCustomers(deps, c)));
  // The page posts a position, a customer choice and a short note: a few hundred bytes.
  app.post('/c/:token', limitBody(maxFormBytes), (c) => guarded(deps, c, 'json', () => submit(deps, c)));
  if (deps.localChat) {
    const settings = { ...deps.localChat, linkSecret: deps.linkSecret };
    app.use('/local/location-link', limitBody(maxFormBytes));
    mountLocalChatLinks(app, { db: deps.db, clock: deps.clock, settings, guarded: (c, handler) => guarded(deps, c, 'json', handler) });
  }
}

async function showPage(deps: LocationPageDeps, c: Context): Promise<Response> {
  const nonce = crypto.randomUUID().replace(/-/g, '');
  const visitorLanguage = languageFromHeader(c.req.header('accept-language'));
  const token = c.req.param('token') ?? '';
  const resolved = await resolveLink(deps.db, deps.linkSecret, token, deps.clock.now());
  if (!resolved.ok) {
    const language = resolved.language ?? visitorLanguage;
    const text = pageTextFor(language);
    const keys = problemKeys[resolved.problem];
    const next = resolved.payload ? await freshLinkAdvice(deps.db, text, resolved.payload) : undefined;
    const body = next ? text.expiredShortBody : text[keys.body];
    return htmlPage(c, renderProblemPage({ language, title: text[keys.title], body, next, nonce }), problemStatus[resolved.problem], nonce);
  }
  const { link } = resolved;
  const text = pageTextFor(link.language);
  const problem = (title: string, body: string, status: 404 | 409) =>
    htmlPage(c, renderProblemPage({ language: link.language, title, body, nonce }), status, nonce);

  let customer: (PageCustomer & { radius_m: number | null }) | undefined;
  if (link.payload.a === 'out') {
    const open = await findOpenVisit(deps.db, link.user.id);
    if (!open) return problem(text.noOpenVisitTitle, render(link.language, 'noOpenVisit', undefined), 409);
    customer = await findCustomerById(deps.db, link.org.id, open.customer_id);
  } else if (link.payload.c) {
    customer = await findCustomerById(deps.db, link.org.id, link.payload.c);
    if (!customer) return problem(text.customerNotFound, text.backToChat, 404);
  }
  const customers = customer ? undefined : await listPickableCustomers(deps.db, link.org.id);
  const html = renderLocationPage({
    language: link.language,
    action: link.payload.a,
    radiusMeters: customer ? radiusFor(customer, link.org.checkin_radius_m) : link.org.checkin_radius_m,
    customer: customer && { id: customer.id, name: customer.name, lat: customer.lat, lng: customer.lng, address: customer.address },
    customers,
    validUntil: formatValidUntil(link.language, link.user.time_zone, new Date(link.payload.exp * 1000)),
    nonce,
  });
  return htmlPage(c, html, 200, nonce);
}

async function pickerCustomers(deps: LocationPageDeps, c: Context): Promise<Response> {
  const token = c.req.param('token') ?? '';
  const resolved = await resolveLink(deps.db, deps.linkSecret, token, deps.clock.now());
  if (!resolved.ok) return problemJson(c, resolved.problem, resolved.language ?? languageFromHeader(c.req.header('accept-language')));
  const lat = Number(c.req.query('lat'));
  const lng = Number(c.req.query('lng'));
  const checked = c.req.query('lat') !== undefined && c.req.query('lng') !== undefined ? validateCoordinates(lat, lng) : undefined;
  const customers = await listPickableCustomers(deps.db, resolved.link.org.id, {
    near: checked?.ok ? checked.value : undefined,
    query: c.req.query('q')?.slice(0, 100),
  });
  return noStore(c.json({ customers }));
}

async function submit(deps: LocationPageDeps, c: Context): Promise<Response> {
  const visitorLanguage = languageFromHeader(c.req.header('accept-language'));
  const token = c.req.param('token') ?? '';
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    body = undefined;
  }
  const { outcome, queued } = await submitLocation(deps, token, body, visitorLanguage);
  if (queued) deps.onOutboxWritten?.();
  return noStore(outcome.ok ? c.json(outcome) : c.json(outcome, outcome.status));
}

function problemJson(c: Context, problem: LinkProblem, language: Language): Response {
  const failure = linkProblemFailure(problem, language);
  return noStore(c.json(failure, failure.status));
}

function htmlPage(c: Context, html: string, status: 200 | 400 | 403 | 404 | 409 | 410, nonce: string): Response {
  const res = c.html(html, status);
  res.headers.set(
    'content-security-policy',
    `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  );
  res.headers.set('referrer-policy', 'no-referrer');
  res.headers.set('x-content-type-options', 'nosniff');
  return noStore(res);
}

function noStore(res: Response): Response {
  res.headers.set('cache-control', 'no-store');
  return res;
}

/** Errors are logged without the path: it carries the token. */
async function guarded(deps: LocationPageDeps, c: Context, kind: 'html' | 'json', handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    deps.logger.error({ err: error, route: `${c.req.method} ${c.req.routePath}` }, 'location page request failed');
    const message = render(languageFromHeader(c.req.header('accept-language')), 'internalError', undefined);
    return kind === 'json' ? c.json({ ok: false, error: 'internal', message }, 500) : c.html(message, 500);
  }
}
