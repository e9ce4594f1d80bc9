import type { Hono } from 'hono';
import { html } from 'hono/html';
import { readCustomerSheet } from '../../core/customers/read-customer-sheet.ts';
import { CustomerImportError, importCustomers } from '../../core/customers/import-customers.ts';
import { can } from '../../core/access/permissions.ts';
import { limitBody } from '../body-limit.ts';
import { csrfRefused, csrfValid, notFound, type ConsoleDeps, type ConsoleEnv, type Viewer } from './console-context.ts';
import { csrfField, pageShell, type Html } from './page-shell.ts';

/** A customer sheet of tens of thousands of rows is a few megabytes. */
const maxSheetBytes = 8 * 1024 * 1024;

/** The upload form (admins), on the customers page. */
export function importForm(viewer: Viewer): Html {
  const { t } = viewer;
  return html`<section class="card" id="import">
<h2>${t.consoleImportTitle()}</h2>
<p class="sub">${t.consoleImportHelp()}</p>
<form method="post" action="/console/customers/import" enctype="multipart/form-data" class="inline-form">
${csrfField(viewer.session.csrfToken)}
<div><label for="sheet">CSV</label><input type="file" id="sheet" name="file" accept=".csv,text/csv" required></div>
<button type="submit">${t.consoleImportButton()}</button>
</form></section>`;
}

/**
 * `POST /console/customers/import`: the same reader and import as `npm run import:customers` (UTF-8
 * or GB18030, English or Chinese headers, upsert by name), answered with the counts and every bad
 * row by line. Admins only: an import may set any owner in the org.
 */
export function mountCustomerImport(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  app.post('/customers/import', limitBody(maxSheetBytes), async (c) => {
    const viewer = c.get('viewer');
    if (!can(viewer.actor, { action: 'importCustomers', orgId: viewer.user.org_id })) return notFound(c);
    const form = await c.req.parseBody();
    if (!csrfValid(viewer, form._csrf)) return csrfRefused(c, viewer);
    const { t } = viewer;
    const file = form.file;
    let outcome: Html;
    if (!(file instanceof File) || file.size === 0) {
      outcome = html`<p class="alert" role="alert">${t.consoleImportNoFile()}</p>`;
    } else {
      const bytes = Buffer.from(await file.arrayBuffer());
      try {
        const result = await importCustomers({ db: deps.db, clock: deps.clock }, { orgId: viewer.user.org_id, rows: readCustomerSheet(oneChunk(bytes)) });
        outcome = html`<section class="card" role="status" id="import-result">
<p class="${result.errors.length ? '' : 'flash'}">${t.consoleImportResult({ created: result.created, updated: result.updated, unchanged: result.unchanged, failed: result.errors.length })}</p>
${result.ignoredColumns.length ? html`<p class="sub">${t.consoleImportIgnored({ columns: result.ignoredColumns.join(', ') })}</p>` : ''}
${result.errors.length ? html`<ul class="errors" id="import-errors">${result.errors.map((e) => html`<li>${t.consoleImportLine({ line: e.line, message: t.consoleImportProblems({ problems: e.problems }) })}</li>`)}</ul>` : ''}
</section>`;
      } catch (error) {
        if (!(error instanceof CustomerImportError)) throw error;
        const message = error.headers ? t.consoleImportNoNameColumn({ headers: error.headers.join(', ') }) : t.consoleImportFailed({ message: error.message });
        outcome = html`<p class="alert" role="alert">${message}</p>`;
      }
    }
    const body = html`${outcome}<p><a class="button secondary" href="/console/customers">${t.consoleCustomersTitle()}</a></p>${importForm(viewer)}`;
    return c.html(pageShell({ language: viewer.language, t, title: t.consoleImportTitle(), user: viewer.user, manager: viewer.manager, csrf: viewer.session.csrfToken, current: 'customers', body }));
  });
}

async function* oneChunk(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}
