import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { User } from '../../db/schema.ts';
import type { Language, ScheduleTimeName, SettingsScope } from '../../conversation/intents/types.ts';
import type { OutboundMessage } from '../../conversation/types.ts';
import { addDays, localDateOf, zonedDateTimeToInstant } from '../../conversation/dates/local-date.ts';
import { addMinutes, inQuietHours, minuteOfDay } from './calendar.ts';
import { resolveSettings, type ScheduleOverrides, type ScheduleSettings } from './settings.ts';
import { loadScheduleOverrides, saveScheduleOverrides, teamsOverriding } from './settings-repository.ts';
import { isRefusal, settingsTarget, type ScopeRefusal, type SettingsTarget } from './settings-scope.ts';
import { dateRuns, parseCalendarDate, parseTimeOfDay, parseTimeWindow, parseWeekdays } from './setting-values.ts';
import { scheduleSettingsEnUS, type HolidayRuns, type ScheduleSettingsMessages, type SettingsWhere } from './settings-messages-en-US.ts';
import { scheduleSettingsZhCN } from './settings-messages-zh-CN.ts';

/**
 * Schedule settings from chat (`设置`, `工作日`, `节假日`, `免打扰`, `日报提醒`, `摘要时间`): what is in
 * force for my team, and changes by a team's manager (their team) or an admin (the org's defaults).
 * A change reads the stored overrides, changes one field and saves them (nothing else is touched),
 * is written to the audit log, and is answered with what is now in force. Bad input and refusals
 * are answered in the sender's language and change nothing.
 */

type Deps = { db: Db; clock: Clock };
type Scoped = { user: User; scope?: SettingsScope };

/** A holiday range added or removed at once is at most this long. */
export const maxHolidayRangeDays = 31;
/** Upcoming holiday runs listed in a reply; the rest are counted. */
const listedHolidayRuns = 8;

function messages(language: Language): ScheduleSettingsMessages {
  return language === 'zh-CN' ? scheduleSettingsZhCN : scheduleSettingsEnUS;
}

/** `设置` / `settings`: the settings in force for my team (or the org, or the team named). */
export async function showSettings({ db, clock }: Deps, input: Scoped): Promise<OutboundMessage> {
  const t = messages(input.user.language);
  const target = await settingsTarget(db, input.user, input.scope, 'read');
  if (isRefusal(target)) return refuse(t, target);
  const settings = resolveLayers(await loadLayers(db, target));
  const today = localDateOf(clock.now(), input.user.time_zone);
  return {
    text: t.summary({
      ...whereOf(target),
      ...upcoming(settings.holidays, today),
      workdays: settings.workdays,
      quietHours: settings.quietHours,
      report: settings.reminders.report,
      reportFollowUp: followUpOf(settings),
      digest: settings.digest.daily,
      weeklyLeaderboard: settings.leaderboard.weekly,
      canChange: target.changeable,
    }),
  };
}

/** `节假日` / `holidays`: the upcoming holidays in force. */
export async function listHolidays({ db, clock }: Deps, input: Scoped): Promise<OutboundMessage> {
  const t = messages(input.user.language);
  const target = await settingsTarget(db, input.user, input.scope, 'read');
  if (isRefusal(target)) return refuse(t, target);
  const settings = resolveLayers(await loadLayers(db, target));
  return { text: t.holidayList({ ...whereOf(target), ...upcoming(settings.holidays, localDateOf(clock.now(), input.user.time_zone)) }) };
}

/** `工作日 周一至周五` / `workdays mon,wed,fri`. */
export async function setWorkdays(deps: Deps, input: Scoped & { days: string }): Promise<OutboundMessage> {
  return change(deps, input, 'workdays', ({ t, where, stored }) => {
    const parsed = parseWeekdays(input.days);
    if (!parsed.ok) return { reply: parsed.error === 'noWorkdays' ? t.noWorkdays() : t.unknownWeekday({ token: parsed.token }) };
    return { next: { ...stored, workdays: parsed.value }, reply: t.workdaysSet({ ...where, days: parsed.value }) };
  });
}

/** `免打扰 22:00-07:00` / `quiet off`. */
export async function setQuietHours(deps: Deps, input: Scoped & { window: string | null }): Promise<OutboundMessage> {
  return change(deps, input, 'quietHours', ({ t, where, stored, inherited }) => {
    if (input.window === null) return { next: { ...stored, quietHours: null }, reply: t.quietOff(where) };
    const parsed = parseTimeWindow(input.window);
    if (!parsed.ok) {
      if (parsed.error === 'badTime') return { reply: t.badTime({ text: parsed.text }) };
      return { reply: parsed.error === 'emptyWindow' ? t.emptyWindow() : t.badWindow({ text: input.window }) };
    }
    const next: ScheduleOverrides = { ...stored, quietHours: parsed.value };
    const settings = resolveSettings(inherited, next);
    const notes = [settings.reminders.report, settings.digest.daily]
      .filter((time): time is string => time !== null && inQuietHours(minuteOfDay(time), parsed.value))
      .map((time) => t.timeInQuietHours({ time, ...parsed.value }));
    return { next, reply: [t.quietSet({ ...where, ...parsed.value }), ...notes].join('\n') };
  });
}

/** `日报提醒 18:30` / `digest time 19:00`, and `关` / `off`. */
export async function setScheduleTime(
  deps: Deps,
  input: Scoped & { setting: ScheduleTimeName; time: string | null },
): Promise<OutboundMessage> {
  const report = input.setting === 'reportReminder';
  return change(deps, input, report ? 'reminders.report' : 'digest.daily', ({ t, where, stored, inherited }) => {
    const time = input.time === null ? null : parseTimeOfDay(input.time);
    if (input.time !== null && time === null) return { reply: t.badTime({ text: input.time }) };
    const next: ScheduleOverrides = report
      ? { ...stored, reminders: { ...stored.reminders, report: time } }
      : { ...stored, digest: { ...stored.digest, daily: time } };
    const settings = resolveSettings(inherited, next);
    let reply: string;
    if (time === null) reply = report ? t.reportReminderOff(where) : t.digestOff(where);
    else reply = report ? t.reportReminderSet({ ...where, time, followUp: followUpOf(settings) }) : t.digestSet({ ...where, time });
    const quiet = settings.quietHours;
    if (time !== null && quiet && inQuietHours(minuteOfDay(time), quiet)) reply += `\n${t.timeInQuietHours({ time, ...quiet })}`;
    return { next, reply };
  });
}

/**
 * `节假日 添加 10月1日 至 10月7日` / `holiday remove 2026-10-01`: one date or an inclusive range of at
 * most {@link maxHolidayRangeDays}. A team's holidays add to the org's (see `resolveSettings`), so
 * a team manager adds and removes their team's own; the org's are removed by an admin.
 */
export async function changeHolidays(
  deps: Deps,
  input: Scoped & { action: 'add' | 'remove'; from: string; to?: string },
): Promise<OutboundMessage> {
  return change(deps, input, 'holidays', ({ t, where, stored, inherited }) => {
    const now = deps.clock.now();
    const zone = input.user.time_zone;
    const today = localDateOf(now, zone);
    const from = parseCalendarDate(input.from, { now, timeZone: zone });
    if (!from) return { reply: t.badDate({ text: input.from }) };
    // The end is read from the start's day on, so `10月1日 至 7日` or `Dec 28 to Jan 3` runs forward.
    const to = input.to === undefined ? from : parseCalendarDate(input.to, { now: zonedDateTimeToInstant(from, '12:00', zone), timeZone: zone });
    if (!to) return { reply: t.badDate({ text: input.to ?? '' }) };
    if (to < from) return { reply: t.rangeBackwards({ from, to }) };
    const dates = datesFrom(from, to);
    if (dates.length > maxHolidayRangeDays) return { reply: t.rangeTooLong({ max: maxHolidayRangeDays }) };

    const own = new Set(stored.holidays ?? []);
    const inForce = new Set(resolveSettings(inherited, stored).holidays);
    let nextHolidays: string[];
    let reply: (runs: HolidayRuns) => string;
    if (input.action === 'add') {
      if (to < today) return { reply: t.datePassed({ date: to }) };
      const added = dates.filter((date) => !inForce.has(date));
      if (added.length === 0) return { reply: t.holidaysAlready({ ...where, from, to }) };
      nextHolidays = [...own, ...added].sort();
      reply = (runs) => t.holidaysAdded({ ...where, ...runs, from, to });
    } else {
      const removed = dates.filter((date) => own.has(date));
      const orgWide = dates.filter((date) => !own.has(date) && inForce.has(date));
      if (removed.length === 0) {
        return { reply: orgWide[0] ? t.holidayOrgWide({ date: orgWide[0] }) : t.holidaysNotFound({ ...where, from, to }) };
      }
      nextHolidays = [...own].filter((date) => !removed.includes(date));
      reply = (runs) => [t.holidaysRemoved({ ...where, ...runs, from, to }), ...(orgWide[0] ? [t.holidayOrgWide({ date: orgWide[0] })] : [])].join('\n');
    }
    const { holidays: _, ...rest } = stored;
    const next: ScheduleOverrides = nextHolidays.length > 0 ? { ...rest, holidays: nextHolidays } : rest;
    return { next, reply: reply(upcoming(resolveSettings(inherited, next).holidays, today)) };
  });
}

// ---------------------------------------------------------------------------------------------

interface Layers {
  target: SettingsTarget;
  /** The target's own stored overrides. */
  stored: ScheduleOverrides;
  /** What the target inherits: the org's overrides for a team, nothing for the org. */
  inherited: ScheduleOverrides;
}

interface ChangeContext extends Layers {
  t: ScheduleSettingsMessages;
  where: SettingsWhere;
}

/** A field's new stored overrides and the answer, or only the answer when nothing changes. */
type ChangeResult = { next?: ScheduleOverrides; reply: string };

/** Fields a change touches, by path: audit detail, and the teams that keep their own on an org change. */
type SettingPath = 'workdays' | 'holidays' | 'quietHours' | 'reminders.report' | 'digest.daily';

/**
 * The shape of every change: who may (refused politely otherwise), then read the stored overrides
 * under a lock on the org or team row (two managers changing at once cannot lose each other's
 * change), apply one field, save, audit, and answer.
 */
async function change(
  { db, clock }: Deps,
  input: Scoped,
  path: SettingPath,
  apply: (context: ChangeContext) => ChangeResult,
): Promise<OutboundMessage> {
  const t = messages(input.user.language);
  const target = await settingsTarget(db, input.user, input.scope, 'change');
  if (isRefusal(target)) return refuse(t, target);
  if (target.level === 'team') await db.selectFrom('teams').select('id').where('id', '=', target.id).forUpdate().execute();
  else await db.selectFrom('orgs').select('id').where('id', '=', target.id).forUpdate().execute();
  const layers = await loadLayers(db, target);
  const where = whereOf(target);
  const result = apply({ ...layers, t, where });
  if (!result.next) return { text: result.reply };

  await saveScheduleOverrides(
    { db },
    { scope: target.level, scopeId: target.id, orgId: target.orgId, overrides: result.next, now: clock.now() },
  );
  await db
    .insertInto('audit_log')
    .values({
      org_id: target.orgId,
      actor_user_id: input.user.id,
      action: 'schedule_settings.changed',
      subject_id: target.id,
      detail: JSON.stringify({
        scope: target.level,
        ...(target.team ? { team: target.team.name } : {}),
        setting: path,
        before: valueAt(layers.stored, path) ?? null,
        after: valueAt(result.next, path) ?? null,
      }),
    })
    .execute();
  let reply = result.reply;
  if (target.level === 'org' && path !== 'holidays') {
    const keeping = await teamsOverriding(db, target.orgId, (overrides) => valueAt(overrides, path));
    if (keeping.length > 0) reply += `\n${t.keptByTeams({ teams: keeping })}`;
  }
  return { text: reply };
}

async function loadLayers(db: Db, target: SettingsTarget): Promise<Layers> {
  const stored = await loadScheduleOverrides(db, target.level, target.id);
  const inherited = target.level === 'team' ? await loadScheduleOverrides(db, 'org', target.orgId) : {};
  return { target, stored, inherited };
}

function resolveLayers({ stored, inherited }: Layers): ScheduleSettings {
  return resolveSettings(inherited, stored);
}

function valueAt(overrides: ScheduleOverrides, path: SettingPath): unknown {
  let value: unknown = overrides;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function whereOf(target: SettingsTarget): SettingsWhere {
  return target.team ? { team: target.team.name } : {};
}

function refuse(t: ScheduleSettingsMessages, refusal: ScopeRefusal): OutboundMessage {
  switch (refusal.refusal) {
    case 'notAllowed':
      return { text: t.notAllowed() };
    case 'onlyAdminForOrg':
      return { text: t.onlyAdminForOrg() };
    case 'onlyManagerOfTeam':
      return { text: t.onlyManagerOfTeam({ team: refusal.team }) };
    case 'whichTeam':
      return { text: t.whichTeam({ teams: refusal.teams }) };
    case 'teamNotFound':
      return { text: t.teamNotFound({ name: refusal.name }) };
  }
}

function followUpOf(settings: ScheduleSettings): string | null {
  const { report, reportFollowUpMinutes } = settings.reminders;
  return report && reportFollowUpMinutes > 0 ? addMinutes(report, reportFollowUpMinutes) : null;
}

/** Holidays from `today` on, as runs of consecutive days (the first few listed, the rest counted). */
function upcoming(holidays: readonly string[], today: string): HolidayRuns {
  const runs = dateRuns(holidays.filter((date) => date >= today));
  return { runs: runs.slice(0, listedHolidayRuns), more: Math.max(0, runs.length - listedHolidayRuns) };
}

/** Every date from `from` to `to` inclusive (stops past the cap, which the caller refuses). */
function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to && dates.length <= maxHolidayRangeDays; date = addDays(date, 1)) dates.push(date);
  return dates;
}
