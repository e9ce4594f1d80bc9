import { z } from 'zod';

/**
 * What is scheduled when, per org and per team. The defaults live here in code; an org and then a
 * team may override any part (stored as partial JSON in `schedule_settings`, deep-merged over the
 * defaults). Times are 'HH:MM' on the recipient's local clock; weekdays are ISO (1 = Monday).
 */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const weekday = z.number().int().min(1).max(7);
const weeklyAt = z.object({ weekday, time: hhmm });
const days = z.number().int().min(1).max(3660);

export const scheduleSettingsSchema = z.object({
  /** A team's own zone for leaderboard periods and group posts; defaults to its manager's zone. */
  timeZone: z.string().optional(),
  workdays: z.array(weekday),
  /** Dates (local to the recipient) with no reminders, digests or scheduled leaderboards. */
  holidays: z.array(isoDate),
  /** Nothing is sent to a person in this local window (start inclusive, end exclusive; may wrap midnight). */
  quietHours: z.object({ start: hhmm, end: hhmm }).nullable(),
  reminders: z.object({
    report: hhmm.nullable(),
    /** One follow-up this many minutes after the report reminder; 0 = none. */
    reportFollowUpMinutes: z.number().int().min(0).max(600),
    /** A visit still open this long gets a check-out reminder; null = never. */
    checkoutAfterMinutes: z.number().int().min(10).max(24 * 60).nullable(),
    /** On a visit note's follow-up date. */
    followUp: hhmm.nullable(),
    /** The weekly nudge to customer owners about overdue key customers. */
    overdue: weeklyAt.nullable(),
    /** A customer of this tier is overdue after this many days without a visit; null = not tracked. */
    keyCustomerDays: z.object({ A: days.nullable(), B: days.nullable(), C: days.nullable() }),
  }),
  leaderboard: z.object({
    /** The week's board (Monday to Sunday, so far) to the team's group. */
    weekly: weeklyAt.nullable(),
    /** The month's board on its last workday at this time. */
    monthly: z.object({ time: hhmm }).nullable(),
    points: z.object({
      verifiedVisit: z.number().int().min(0).max(1000),
      /** Extra for a verified visit with notes and a next step. */
      notesAndNextStep: z.number().int().min(0).max(1000),
      reportOnTime: z.number().int().min(0).max(1000),
      /** A check-in outside the radius; 0 by default: only verified visits score. */
      outsideVisit: z.number().int().min(0).max(1000),
      /** Extra for a verified visit to a planned stop (issue 14). */
      plannedVisit: z.number().int().min(0).max(1000),
    }),
  }),
  digest: z.object({
    daily: hhmm.nullable(),
    weekly: weeklyAt.nullable(),
  }),
  /** Visit plans (issue 14). */
  plans: z.object({
    /** The day's plan to each rep who has one, on workdays; null = not sent. */
    morning: hhmm.nullable(),
    /** A reminder this many minutes before a stop with a time; 0 = none. */
    beforeStopMinutes: z.number().int().min(0).max(240),
    /** How many stops `建议计划` proposes. */
    suggestStops: z.number().int().min(1).max(25),
  }),
});

export type ScheduleSettings = z.infer<typeof scheduleSettingsSchema>;

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
/** What an org or team stores: any subset of the settings. */
export type ScheduleOverrides = DeepPartial<ScheduleSettings>;

export const defaultScheduleSettings: ScheduleSettings = Object.freeze({
  workdays: [1, 2, 3, 4, 5],
  holidays: [],
  quietHours: { start: '22:00', end: '07:00' },
  reminders: {
    report: '18:00',
    reportFollowUpMinutes: 60,
    checkoutAfterMinutes: 180,
    followUp: '09:00',
    overdue: { weekday: 1, time: '09:00' },
    keyCustomerDays: { A: 7, B: 30, C: 90 },
  },
  leaderboard: {
    weekly: { weekday: 5, time: '17:00' },
    monthly: { time: '17:00' },
    points: { verifiedVisit: 3, notesAndNextStep: 2, reportOnTime: 1, outsideVisit: 0, plannedVisit: 1 },
  },
  digest: { daily: '19:00', weekly: { weekday: 1, time: '09:00' } },
  plans: { morning: '08:30', beforeStopMinutes: 30, suggestStops: 6 },
}) as ScheduleSettings;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge: objects merge key by key, anything else (arrays, null, scalars) replaces. */
function merge(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = merge(base[key], value);
  return out;
}

/**
 * The settings in force: defaults, then the org's overrides, then the team's. Holidays add up
 * instead of replacing: an org's holidays hold for every team, and a team's own are added to them
 * (so a company holiday set later still reaches a team that has holidays of its own). Throws a
 * ZodError if the result is not valid (overrides are validated when saved, so this only catches
 * corrupt rows).
 */
export function resolveSettings(...layers: (ScheduleOverrides | null | undefined)[]): ScheduleSettings {
  let merged: unknown = defaultScheduleSettings;
  const holidays = new Set<string>();
  for (const layer of layers) {
    if (!layer) continue;
    merged = merge(merged, layer);
    if (Array.isArray(layer.holidays)) for (const date of layer.holidays) holidays.add(date);
  }
  if (holidays.size > 0 && isPlainObject(merged) && Array.isArray(merged.holidays)) {
    merged = { ...merged, holidays: [...holidays].sort() };
  }
  return scheduleSettingsSchema.parse(merged);
}
