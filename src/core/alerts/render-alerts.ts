import type { AlertDetail, AlertKind } from '../../db/schema.ts';
import type { Language } from '../../conversation/intents/types.ts';
import type { OutboundMessage } from '../../conversation/types.ts';
import { catalogueFor, type Catalogue } from '../../conversation/i18n/catalogue.ts';
import { formatLocalTime } from '../../conversation/handlers/format.ts';

/** One alert as one sentence, times on the manager's clock. */
function line(t: Catalogue, alert: { kind: AlertKind; detail: AlertDetail }, timeZone: string): string {
  const d = alert.detail;
  const time = formatLocalTime(new Date(d.at), timeZone);
  switch (alert.kind) {
    case 'offsite':
      return t.alertOffsite({ person: d.person, customer: d.customer ?? '', time, distance: d.distanceM ?? 0, radius: d.radiusM ?? 0 });
    case 'mocked':
      return t.alertMocked({ person: d.person, customer: d.customer ?? '', time });
    case 'lateReport':
      return t.alertLateReport({ person: d.person, date: d.date ?? '', time });
    case 'joined':
      return t.alertJoined({ person: d.person, team: d.team ?? '', time });
    case 'joinRequest':
      return t.joinRequestToManager({ person: d.person, team: d.team ?? '' });
  }
}

/** One message for a manager's waiting alerts (oldest first): a single alert, or a list of them. */
export function renderAlerts(alerts: readonly { kind: AlertKind; detail: AlertDetail }[], language: Language, timeZone: string): OutboundMessage {
  const t = catalogueFor(language);
  const lines = alerts.map((a) => line(t, a, timeZone));
  const body =
    alerts.length === 1
      ? t.alertOne({ line: lines[0]! })
      : t.alertBatch({
          count: alerts.length,
          from: formatLocalTime(new Date(alerts[0]!.detail.at), timeZone),
          to: formatLocalTime(new Date(alerts.at(-1)!.detail.at), timeZone),
          lines: lines.map((l) => `• ${l}`).join('\n'),
        });
  return { text: `${body}\n${t.alertsFooter()}` };
}

/**
 * A join request as its own message: buttons where the platform renders quick answers, each sending
 * back the typed command (`同意 王五` / `Approve Wang`: the label doubles as the command word).
 */
export function renderJoinRequest(detail: AlertDetail, language: Language): OutboundMessage {
  const t = catalogueFor(language);
  const person = detail.person;
  return {
    text: t.joinRequestToManager({ person, team: detail.team ?? '' }),
    choices: [
      { label: t.approveLabel(), reply: `${t.approveLabel()} ${person}` },
      { label: t.declineLabel(), reply: `${t.declineLabel()} ${person}` },
    ],
  };
}
