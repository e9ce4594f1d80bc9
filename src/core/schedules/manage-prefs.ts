import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { User } from '../../db/schema.ts';
import type { Language } from '../../conversation/intents/types.ts';
import type { OutboundMessage } from '../../conversation/types.ts';
import { localDateOf, weekdayOf } from '../../conversation/dates/local-date.ts';
import { resolveDate } from '../../conversation/dates/resolve-date.ts';
import { leaderboardMessages } from '../leaderboards/render-leaderboard.ts';
import { loadPrefs, savePrefs, type ReminderKind } from './prefs.ts';
import { endAwayPeriods, recordAwayPeriod } from './away-periods.ts';
import { schedulePrefsEnUS } from './messages-en-US.ts';
import { schedulePrefsZhCN } from './messages-zh-CN.ts';

type Deps = { db: Db; clock: Clock };

function messages(language: Language) {
  return language === 'zh-CN' ? schedulePrefsZhCN : schedulePrefsEnUS;
}

/**
 * `请假 到 周五` / `away until Friday`: no reminders or digests through that local date (inclusive).
 * Without a date: today only. The date words resolve on the person's own calendar.
 */
export async function goAway({ db, clock }: Deps, input: { user: User; untilText?: string }): Promise<OutboundMessage> {
  const t = messages(input.user.language);
  const now = clock.now();
  const today = localDateOf(now, input.user.time_zone);
  const text = input.untilText?.trim();
  const until = text ? resolveDate(text, { now, timeZone: input.user.time_zone }) : today;
  if (!until) return { text: t.awayBadDate({ text: text ?? '' }) };
  if (until < today) return { text: t.awayPastDate({ date: until }) };
  await savePrefs(db, input.user.id, { awayUntil: until }, now);
  // Said again while away (to move the date): the new words replace the open period from today.
  await endAwayPeriods(db, input.user.id, today);
  await recordAwayPeriod(db, input.user.id, today, until, now);
  return { text: t.awaySet({ date: until, weekday: weekdayOf(until) }) };
}

/** `恢复` / `back`: reminders on again from now. */
export async function comeBack({ db, clock }: Deps, input: { user: User }): Promise<OutboundMessage> {
  const t = messages(input.user.language);
  const prefs = await loadPrefs(db, input.user.id);
  const today = localDateOf(clock.now(), input.user.time_zone);
  if (!prefs.awayUntil || prefs.awayUntil < today) return { text: t.notAway() };
  await savePrefs(db, input.user.id, { awayUntil: null }, clock.now());
  await endAwayPeriods(db, input.user.id, today);
  return { text: t.back() };
}

/** `关闭提醒 日报` / `reminders off report` (and on): one kind of reminder for this person. */
export async function setReminderKind({ db, clock }: Deps, input: { user: User; kind: ReminderKind; enabled: boolean }): Promise<OutboundMessage> {
  const t = messages(input.user.language);
  const prefs = await loadPrefs(db, input.user.id);
  const off = new Set(prefs.remindersOff);
  if (input.enabled) off.delete(input.kind);
  else off.add(input.kind);
  await savePrefs(db, input.user.id, { remindersOff: [...off].sort() }, clock.now());
  const name = t.kindName({ kind: input.kind });
  return { text: input.enabled ? t.reminderOn({ name }) : t.reminderOff({ name, kind: input.kind }) };
}

/** `不参加排行` / `leaderboard off` (and on): points still count, the name is hidden on boards. */
export async function setLeaderboardOptOut({ db, clock }: Deps, input: { user: User; optOut: boolean }): Promise<OutboundMessage> {
  await savePrefs(db, input.user.id, { leaderboardOptOut: input.optOut }, clock.now());
  const t = leaderboardMessages(input.user.language);
  return { text: input.optOut ? t.optedOut() : t.optedIn() };
}
