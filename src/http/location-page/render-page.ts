import type { Language } from '../../conversation/intents/types.ts';
import { fill, pageTextFor, type PageText, type PageTextKey } from './page-text.ts';
import { pageHead } from './page-head.ts';
import { pageScript } from './page-script.ts';
import type { PickableCustomer } from './nearby-customers.ts';

/** The customer the page is for, as the page needs it. */
export interface PageCustomer {
  id: string;
  name: string;
  lat: number | null;
  lng: number | null;
  address?: string | null;
}

export interface LocationPageModel {
  language: Language;
  action: 'in' | 'out';
  radiusMeters: number;
  /** Known customer (from the link, or the open visit for a check-out); absent: the rep picks one. */
  customer?: PageCustomer;
  /** The first customers to pick from (by name) when there is no customer. */
  customers?: PickableCustomer[];
  /** When the link stops working, as the rep reads a time ("10:15"). */
  validUntil: string;
  /** CSP nonce of the inline style and script. */
  nonce: string;
}

/** Templates the script fills in the browser. */
const scriptKeys = [
  'locating', 'accuracy', 'distance', 'withinRadius', 'outsideRadius', 'customerNoPosition', 'accuracyPoor',
  'permissionDenied', 'positionUnavailable', 'positionTimeout', 'geolocationUnsupported', 'retry', 'refresh',
  'submitIn', 'submitOut', 'submitPick', 'submittingIn', 'submittingOut', 'pickFirst', 'pickDistance',
  'pickNoPosition', 'resultMocked', 'resultMockedRecorded', 'resultBackToChat', 'backToChat', 'networkError',
  'impreciseRadius',
] as const satisfies readonly PageTextKey[];

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** JSON safe inside a <script> element: no "</script>", no HTML comment openers, no line separators. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/**
 * The location page: one column, the customer (or a picker), the position's accuracy and distance,
 * one big button. All text is server-rendered in the rep's language; the script only fills numbers.
 */
export function renderLocationPage(model: LocationPageModel): string {
  const text = pageTextFor(model.language);
  const e = (key: PageTextKey, params?: Record<string, string | number>) => escapeHtml(fill(text[key], params));
  const customer = model.customer;
  const picker = !customer;
  const heading = customer
    ? e(model.action === 'in' ? 'headingIn' : 'headingOut', { customer: customer.name })
    : e('headingPick');
  const data = {
    lang: model.language,
    action: model.action,
    radius: model.radiusMeters,
    picker,
    customer: customer ? { id: customer.id, name: customer.name, lat: customer.lat, lng: customer.lng } : null,
    customers: picker ? (model.customers ?? []) : null,
    t: Object.fromEntries(scriptKeys.map((key) => [key, text[key]])) as Pick<PageText, (typeof scriptKeys)[number]>,
  };
  const withoutKey = model.action === 'in' ? 'submitInWithoutLocation' : 'submitOutWithoutLocation';
  const submitLabel = customer ? e(model.action === 'in' ? 'submitIn' : 'submitOut', { customer: customer.name }) : e('submitPick');
  const noCustomers = picker && (model.customers ?? []).length === 0;

  const title = e(model.action === 'in' ? 'pageTitleIn' : 'pageTitleOut');
  // Coordinates on the page must not turn into phone-number links.
  return `${pageHead({ language: model.language, title, nonce: model.nonce, extra: '\n<meta name="format-detection" content="telephone=no">' })}
<body>
<main>
<h1 id="heading">${heading}</h1>
${customer?.address ? `<p class="sub">${escapeHtml(customer.address)}</p>` : ''}
<p id="valid-until" class="sub">${e('validUntil', { time: model.validUntil })}</p>
<section class="card" id="position" aria-live="polite">
<p id="status" class="status">${e('locating')}</p>
<p id="accuracy" class="sub" hidden></p>
<p id="distance" class="big" hidden></p>
<p id="radius-note" hidden></p>
<p id="accuracy-note" class="warn" hidden></p>
</section>
${picker ? pickerSection(e, noCustomers) : ''}
<div id="error" class="alert" role="alert" hidden><p id="error-title" class="status" hidden></p><p id="error-message" hidden></p></div>
<div class="actions" id="actions">
<button type="button" id="submit" class="primary" disabled>${submitLabel}</button>
<button type="button" id="retry" class="secondary" hidden>${e('retry')}</button>
<button type="button" id="without" class="secondary" aria-describedby="without-hint" hidden>${e(withoutKey)}</button>
<p id="without-hint" class="sub" hidden>${e('withoutLocationHint')}</p>
</div>
<section id="result" class="card result" tabindex="-1" aria-live="assertive" hidden>
<h2 id="result-title"></h2>
<p id="result-message" class="message"></p>
<p id="result-mocked" class="warn" hidden></p>
<p id="result-back" class="sub"></p>
</section>
</main>
<script type="application/json" id="page-data">${scriptJson(data)}</script>
<script nonce="${model.nonce}">${pageScript}</script>
</body>
</html>`;
}

function pickerSection(e: (key: PageTextKey) => string, noCustomers: boolean): string {
  if (noCustomers) return `<section id="picker"><p class="card">${e('noCustomers')}</p><div id="list" hidden></div><p id="pick-empty" hidden></p><input id="search" type="hidden"></section>`;
  return `<section id="picker">
<label class="search" for="search">${e('searchLabel')}</label>
<input id="search" type="search" autocomplete="off" enterkeyhint="search" placeholder="${e('searchPlaceholder')}">
<fieldset><legend>${e('pickLegend')}</legend><div id="list"></div></fieldset>
<p id="pick-empty" class="sub" hidden>${e('pickNone')}</p>
</section>`;
}
