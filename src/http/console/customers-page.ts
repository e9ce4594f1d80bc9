import type { Context, Hono } from 'hono';
import { html } from 'hono/html';
import { sql } from 'kysely';
import { matchCustomers } from '../../core/customers/match-customer-name.ts';
import { createCustomer } from '../../core/customers/create-customer.ts';
import { editCustomer, type CustomerEdit } from '../../core/customers/edit-customer.ts';
import { loadSettingsBook } from '../../core/schedules/settings-repository.ts';
import { loadPerson } from '../../core/access/load-actor.ts';
import { can } from '../../core/access/permissions.ts';
import { DomainError } from '../../core/shared/domain-error.ts';
import { render } from '../../conversation/i18n/catalogue.ts';
import { localDateOf } from '../../conversation/dates/local-date.ts';
import { validateCoordinates } from '../../geo/index.ts';
import type { Customer } from '../../db/schema.ts';
import { csrfRefused, csrfValid, notFound, type ConsoleDeps, type ConsoleEnv, type Viewer } from './console-context.ts';
import { csrfField, pageShell, type Html } from './page-shell.ts';
import { mountCustomerImport, importForm } from './customer-import.ts';

/** A page lists at most this many customers; a search narrows it down. */
const pageSize = 200;
const dayMs = 86_400_000;

/**
 * `GET /console/customers?q=`: the org's customers (search by name, alias, pinyin), tier, owner,
 * position, last visit and whether visits keep within the tier's interval; create (`/new`) and edit
 * (`/:id`) for whoever the `changeCustomer` rule allows; CSV import for admins (customer-import.ts).
 */
export function mountCustomers(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  // Before `/customers/:id`, which would otherwise take "import" for an id.
  mountCustomerImport(app, deps);
  app.get('/customers', async (c) => {
    const viewer = c.get('viewer');
    const { t } = viewer;
    const q = (c.req.query('q') ?? '').slice(0, 100).trim();
    const all = await deps.db.selectFrom('customers').selectAll().where('org_id', '=', viewer.user.org_id).orderBy('name').execute();
    const matched = q ? matchCustomers(q, all) : all;
    const shown = matched.slice(0, pageSize);
    const ids = shown.map((cu) => cu.id);
    const [lastVisits, owners, book, memberships] = await Promise.all([
      ids.length
        ? deps.db.selectFrom('visits').select(['customer_id', sql<Date>`max(started_at)`.as('last')]).where('customer_id', 'in', ids).groupBy('customer_id').execute()
        : [],
      deps.db.selectFrom('users').select(['id', 'display_name']).where('org_id', '=', viewer.user.org_id).execute(),
      loadSettingsBook(deps.db),
      deps.db.selectFrom('team_memberships as m').innerJoin('teams as tm', 'tm.id', 'm.team_id').select(['m.user_id', 'm.team_id']).where('tm.org_id', '=', viewer.user.org_id).orderBy('m.joined_at').execute(),
    ]);
    const now = deps.clock.now();
    const ownerName = new Map(owners.map((o) => [o.id, o.display_name]));
    const last = new Map(lastVisits.map((v) => [v.customer_id, new Date(v.last)]));
    const rows = shown.map((cu) => {
      const teamId = memberships.find((m) => m.user_id === cu.owner_id)?.team_id ?? null;
      const interval = book.for(cu.org_id, teamId).reminders.keyCustomerDays[cu.tier];
      const lastVisit = last.get(cu.id);
      const since = (lastVisit ?? new Date(cu.created_at)).getTime();
      const due = interval === null ? 'none' : Math.floor((now.getTime() - since) / dayMs) >= interval ? 'overdue' : 'within';
      return html`<tr class="customer" data-customer="${cu.name}">
<td class="name"><a href="/console/customers/${cu.id}">${cu.name}</a></td>
<td>${cu.tier}</td>
<td>${cu.owner_id ? (ownerName.get(cu.owner_id) ?? '—') : t.consoleNoOwner()}</td>
<td>${cu.lat === null || cu.lng === null ? t.consoleNoPosition() : `${cu.lat.toFixed(5)}, ${cu.lng.toFixed(5)}`}</td>
<td class="date">${lastVisit ? localDateOf(lastVisit, viewer.user.time_zone) : t.consoleNever()}</td>
<td><span class="badge ${due}">${interval === null ? t.consoleDueNone() : due === 'overdue' ? t.consoleDueOverdue({ days: interval }) : t.consoleDueWithin({ days: interval })}</span></td>
</tr>`;
    });
    const body = html`${c.req.query('saved') ? html`<p class="flash" role="status">${t.consoleSaved({ name: c.req.query('saved')! })}</p>` : ''}
<form method="get" action="/console/customers" class="inline-form card" role="search">
<div><label for="q">${t.consoleSearchLabel()}</label><input type="search" id="q" name="q" value="${q}"></div>
<button type="submit" class="secondary">${t.consoleSearch()}</button>
${mayCreate(viewer) ? html`<a class="button" href="/console/customers/new">${t.consoleNewCustomer()}</a>` : ''}
</form>
<section class="card">
${rows.length === 0 ? html`<p>${t.consoleNoCustomers()}</p>` : html`<div class="table-wrap"><table>
<thead><tr><th>${t.consoleColName()}</th><th>${t.consoleColTier()}</th><th>${t.consoleColOwner()}</th><th>${t.consoleColPosition()}</th><th>${t.consoleColLastVisit()}</th><th>${t.consoleColDue()}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`}
${matched.length > pageSize ? html`<p class="sub">${t.consoleCustomersMore({ shown: pageSize })}</p>` : ''}
</section>
${can(viewer.actor, { action: 'importCustomers', orgId: viewer.user.org_id }) ? importForm(viewer) : ''}`;
    return c.html(pageShell({ language: viewer.language, t, title: t.consoleCustomersTitle(), user: viewer.user, manager: viewer.manager, csrf: viewer.session.csrfToken, current: 'customers', body }));
  });

  app.get('/customers/new', async (c) => {
    const viewer = c.get('viewer');
    if (!mayCreate(viewer)) return notFound(c);
    return customerForm(c, deps, viewer, undefined, undefined);
  });

  app.post('/customers/new', async (c) => {
    const viewer = c.get('viewer');
    if (!mayCreate(viewer)) return notFound(c);
    const form = await c.req.parseBody();
    if (!csrfValid(viewer, form._csrf)) return csrfRefused(c, viewer);
    const read = readForm(viewer, form);
    if (!read.ok) return customerForm(c, deps, viewer, undefined, read.error, form);
    try {
      const created = await deps.db.transaction().execute(async (trx) => {
        const customer = await createCustomer({ db: trx }, { orgId: viewer.user.org_id, name: read.edit.name, tier: read.edit.tier, address: read.edit.address, ...(read.edit.position ? { position: read.edit.position } : {}), actorId: viewer.user.id });
        // Owner and the rest go through the same checked edit as any change.
        return editCustomer({ db: trx }, { user: viewer.user, customerId: customer.id, edit: read.edit, now: deps.clock.now() });
      });
      return c.redirect(`/console/customers?saved=${encodeURIComponent(created.name)}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return customerForm(c, deps, viewer, undefined, render(viewer.language, error.code, error.params as never), form);
    }
  });

  app.get('/customers/:id', async (c) => {
    const viewer = c.get('viewer');
    const customer = await findCustomer(deps, viewer, c.req.param('id'));
    if (!customer) return notFound(c);
    return customerForm(c, deps, viewer, customer, undefined);
  });

  app.post('/customers/:id', async (c) => {
    const viewer = c.get('viewer');
    const customer = await findCustomer(deps, viewer, c.req.param('id'));
    if (!customer) return notFound(c);
    const form = await c.req.parseBody();
    if (!csrfValid(viewer, form._csrf)) return csrfRefused(c, viewer);
    const read = readForm(viewer, form);
    if (!read.ok) return customerForm(c, deps, viewer, customer, read.error, form);
    try {
      const saved = await deps.db.transaction().execute((trx) => editCustomer({ db: trx }, { user: viewer.user, customerId: customer.id, edit: read.edit, now: deps.clock.now() }));
      return c.redirect(`/console/customers?saved=${encodeURIComponent(saved.name)}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return customerForm(c, deps, viewer, customer, render(viewer.language, error.code, error.params as never), form);
    }
  });
}

/**
 * The console's create form sets tier, owner and position at once, so it is for whoever may change a
 * customer nobody owns yet (`changeCustomer` with no owner: a team's manager, an admin).
 */
function mayCreate(viewer: Viewer): boolean {
  return can(viewer.actor, { action: 'changeCustomer', orgId: viewer.user.org_id, owner: null });
}

async function findCustomer(deps: ConsoleDeps, viewer: Viewer, id: string | undefined): Promise<Customer | undefined> {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return deps.db.selectFrom('customers').selectAll().where('id', '=', id).where('org_id', '=', viewer.user.org_id).executeTakeFirst();
}

type FormBody = Record<string, string | File | (string | File)[]>;

function readForm(viewer: Viewer, form: FormBody): { ok: true; edit: CustomerEdit } | { ok: false; error: string } {
  const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string).trim() : '');
  const name = text('name');
  if (name === '') return { ok: false, error: viewer.t.consoleBadName() };
  const tier = text('tier');
  const latText = text('lat');
  const lngText = text('lng');
  let position: CustomerEdit['position'] = null;
  if (latText !== '' || lngText !== '') {
    const lat = Number(latText);
    const lng = Number(lngText);
    if (latText === '' || lngText === '' || !validateCoordinates(lat, lng).ok) return { ok: false, error: viewer.t.consoleBadPosition() };
    position = { lat, lng, system: text('system') === 'gcj02' ? 'gcj02' : 'wgs84' };
  }
  const owner = text('owner');
  return {
    ok: true,
    edit: { name, tier: tier === 'A' || tier === 'B' ? tier : 'C', ownerId: /^[0-9a-f-]{36}$/i.test(owner) ? owner : null, position, address: text('address') || null },
  };
}

/** The create / edit form; read-only fields for someone the `changeCustomer` rule refuses. */
async function customerForm(c: Context<ConsoleEnv>, deps: ConsoleDeps, viewer: Viewer, customer: Customer | undefined, error: string | undefined, typed?: FormBody): Promise<Response> {
  const { t } = viewer;
  // Someone who left owns no new customer; a customer they still own keeps showing them as its owner.
  const people = (await deps.db.selectFrom('users').select(['id', 'display_name', 'deactivated_at']).where('org_id', '=', viewer.user.org_id).orderBy('display_name').execute()).filter(
    (p) => p.deactivated_at === null || p.id === customer?.owner_id,
  );
  const owner = customer?.owner_id ? await deps.db.selectFrom('users').select(['id', 'org_id']).where('id', '=', customer.owner_id).executeTakeFirst() : undefined;
  const editable = can(viewer.actor, { action: 'changeCustomer', orgId: viewer.user.org_id, owner: owner ? await loadPerson(deps.db, owner) : null });
  const value = (key: string, current: string | null | undefined) => (typed && typeof typed[key] === 'string' ? (typed[key] as string) : (current ?? ''));
  const system = value('system', customer?.original_system ?? 'wgs84');
  const tier = value('tier', customer?.tier ?? 'C');
  const ownerId = value('owner', customer?.owner_id);
  const disabled = editable ? '' : 'disabled';
  const field = (key: string, label: string, current: string | null | undefined, type = 'text'): Html =>
    html`<div><label for="f-${key}">${label}</label><input type="${type}" id="f-${key}" name="${key}" value="${value(key, current)}" ${disabled}${type === 'text' ? '' : html` step="any"`}></div>`;
  const body = html`${error ? html`<p class="alert" role="alert" id="form-error">${error}</p>` : ''}
<form method="post" class="card" action="${customer ? `/console/customers/${customer.id}` : '/console/customers/new'}">
${csrfField(viewer.session.csrfToken)}
${field('name', t.consoleFieldName(), customer?.name)}
<div><label for="f-tier">${t.consoleFieldTier()}</label><select id="f-tier" name="tier" ${disabled}>${['A', 'B', 'C'].map((x) => html`<option value="${x}"${x === tier ? html` selected` : ''}>${x}</option>`)}</select></div>
<div><label for="f-owner">${t.consoleFieldOwner()}</label><select id="f-owner" name="owner" ${disabled}><option value="">${t.consoleNoOwner()}</option>${people.map((p) => html`<option value="${p.id}"${p.id === ownerId ? html` selected` : ''}>${p.display_name}</option>`)}</select></div>
<div class="grid two">${field('lat', t.consoleFieldLat(), customer?.original_lat?.toString() ?? customer?.lat?.toString(), 'number')}${field('lng', t.consoleFieldLng(), customer?.original_lng?.toString() ?? customer?.lng?.toString(), 'number')}</div>
<div><label for="f-system">${t.consoleFieldSystem()}</label><select id="f-system" name="system" ${disabled}><option value="wgs84"${system === 'wgs84' ? html` selected` : ''}>${t.consoleSystemWgs84()}</option><option value="gcj02"${system === 'gcj02' ? html` selected` : ''}>${t.consoleSystemGcj02()}</option></select></div>
${field('address', t.consoleFieldAddress(), customer?.address)}
${editable ? html`<div class="actions"><button type="submit">${customer ? t.consoleSave() : t.consoleCreate()}</button></div>` : ''}
</form>`;
  return c.html(
    pageShell({ language: viewer.language, t, title: customer ? t.consoleEditCustomer({ name: customer.name }) : t.consoleNewCustomer(), user: viewer.user, manager: viewer.manager, csrf: viewer.session.csrfToken, current: 'customers', body }),
    error ? 400 : 200,
  );
}
