/**
 * English alerts to a rep's manager and the replies about switching them (issue #13), spread into
 * en-US.ts; alerts-zh-CN.ts provides the same keys.
 */
import { formatDistance } from './distance.ts';

type AlertKindName = 'offsite' | 'mocked' | 'lateReport' | 'joined';

/** Distances as the check-in reply writes them (its radius too: "1.0 km", not "1000 m"). */
const distance = formatDistance['en-US'];

export const alertsEnUS = {
  alertOffsite: (p: { person: string; customer: string; time: string; distance: number; radius: number }) =>
    `${p.person} checked in at ${p.customer} at ${p.time}, ${distance(p.distance)} from the customer (radius ${distance(p.radius)}).`,
  alertMocked: (p: { person: string; customer: string; time: string }) =>
    `${p.person}'s check-in at ${p.customer} at ${p.time} came from a position the phone reported as simulated.`,
  alertLateReport: (p: { person: string; date: string; time: string }) =>
    `${p.person} filed the report for ${p.date} at ${p.time}, after your digest was sent. "report ${p.person}" shows it.`,
  alertJoined: (p: { person: string; team: string; time: string }) =>
    `${p.person} joined your team "${p.team}" at ${p.time} (no approval needed). "remove ${p.person} from ${p.team}" takes them out.`,
  alertOne: (p: { line: string }) => `Alert: ${p.line}`,
  alertBatch: (p: { count: number; from: string; to: string; lines: string }) => `${p.count} alerts (${p.from}–${p.to}):\n${p.lines}`,
  alertsFooter: () => 'Switch a kind off with e.g. "alerts offsite off" (or mock, late, joined); "alerts" lists them.',
  alertKindName: (p: { kind: AlertKindName }) =>
    ({ offsite: 'Off-site check-ins', mocked: 'Simulated positions', lateReport: 'Reports filed after the digest', joined: 'People joining without approval' })[p.kind],
  alertSwitched: (p: { name: string; kind: AlertKindName; enabled: boolean }) =>
    p.enabled
      ? `${p.name}: alerts on. They reach you as they happen (at most one message per 10 minutes, none in quiet hours).`
      : p.kind === 'joined'
        ? `${p.name}: alerts off. New members still appear in your digest.`
        : `${p.name}: alerts off. You will still see them in the digest.`,
  alertsList: (p: { lines: string; manages: boolean }) =>
    `Alerts to you about your reps:\n${p.lines}\nJoin requests always come at once, with buttons (held in quiet hours).${p.manages ? '' : '\nYou manage no team yet, so none reach you.'}\nSwitch one with e.g. "alerts offsite off" / "alerts late on".`,
  alertsInSettings: (p: { lines: string }) => `Your real-time alerts ("alerts offsite off" switches one):\n${p.lines}`,
  alertsListLine: (p: { name: string; enabled: boolean }) => `• ${p.name}: ${p.enabled ? 'on' : 'off'}`,
};
