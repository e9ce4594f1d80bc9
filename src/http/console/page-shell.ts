import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Language } from '../../conversation/intents/types.ts';
import type { Catalogue } from '../../conversation/i18n/catalogue.ts';
import type { User } from '../../db/schema.ts';

/** Any HTML the pages build: hono/html templates escape every interpolated value. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export type NavItem = 'today' | 'reports' | 'customers' | 'leaderboard' | 'charts' | 'week';

export interface ShellInput {
  language: Language;
  t: Catalogue;
  title: string;
  user: User;
  /** Whether the manager pages are in the navigation. */
  manager: boolean;
  csrf: string;
  current?: NavItem;
  body: Html;
  /** Extra scripts served by Legwork (`/console/assets/...`). */
  scripts?: string[];
}

/**
 * The document every signed-in console page shares: language, phone viewport, no referrer, not
 * indexed, the stylesheet, the navigation for the person's role, and log out (a POST with the token).
 */
export function pageShell(input: ShellInput): Html {
  const { t } = input;
  const nav: [NavItem, string, string][] = input.manager
    ? [
        ['today', '/console', t.consoleNavToday()],
        ['reports', '/console/reports', t.consoleNavReports()],
        ['customers', '/console/customers', t.consoleNavCustomers()],
        ['leaderboard', '/console/leaderboard', t.consoleNavLeaderboard()],
        ['charts', '/console/charts', t.consoleNavCharts()],
      ]
    : [
        ['week', `/console/people/${input.user.id}/week`, t.consoleNavMyWeek()],
        ['reports', '/console/reports', t.consoleNavReports()],
        ['customers', '/console/customers', t.consoleNavCustomers()],
        ['leaderboard', '/console/leaderboard', t.consoleNavLeaderboard()],
      ];
  return html`<!doctype html>
<html lang="${input.language === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${input.title} — ${t.consoleTitle()}</title>
<link rel="stylesheet" href="/console/assets/console.css">
</head>
<body>
<header class="top">
<div class="row">
<div><a class="brand" href="/console">${t.consoleTitle()}</a><span class="who">${t.consoleSignedInAs({ name: input.user.display_name, role: input.user.role })}</span></div>
<form class="logout" method="post" action="/console/logout"><input type="hidden" name="_csrf" value="${input.csrf}"><button type="submit">${t.consoleLogout()}</button></form>
</div>
<nav class="main" aria-label="${t.consoleTitle()}">${nav.map(
    ([key, href, label]) => html`<a href="${href}"${key === input.current ? raw(' aria-current="page"') : ''}>${label}</a>`,
  )}</nav>
</header>
<main id="main">
<h1>${keepDatesWhole(input.title)}</h1>
${input.body}
</main>
${(input.scripts ?? []).map((src) => html`<script src="${src}"></script>`)}
</body>
</html>`;
}

/**
 * A title with its dates (2026-11-27) each kept on one line: a phone-width heading otherwise breaks
 * at a date's hyphen ("2026-11-" / "27"). Every part is escaped as usual.
 */
function keepDatesWhole(title: string): Html {
  const parts = title.split(/(\d{4}-\d{2}-\d{2})/);
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<span class="date">${part}</span>` : part))}`;
}

/** A page without a session (link problems, signed out, refused forms): a title, words, no navigation. */
export function messagePage(input: { language: Language; title: string; body: string; extra?: Html }): Html {
  return html`<!doctype html>
<html lang="${input.language === 'zh-CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${input.title} — Legwork</title>
<link rel="stylesheet" href="/console/assets/console.css">
</head>
<body>
<main id="main">
<section class="card" role="status">
<h1 id="message-title">${input.title}</h1>
<p id="message-body">${input.body}</p>
${input.extra ?? ''}
</section>
</main>
</body>
</html>`;
}

/** A hidden field with the session's CSRF token: every console form carries it. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}
