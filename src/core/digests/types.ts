import type { PeriodRange } from '../schedules/calendar.ts';
import type { OverdueCustomer } from '../schedules/overdue-customers.ts';
import type { PlanTally } from '../plans/plan-tallies.ts';

/**
 * A manager's digest in neutral form: built once from the database, rendered per language (and, by
 * adapters that can, natively per platform). Nothing here is text meant for people except names.
 */

/**
 * `dayOff`: none filed on a day that is not a workday of the rep's team (weekend, holiday); `away`:
 * none on a workday the rep said they were away (`请假`). Neither is missing.
 */
export type ReportState = 'in' | 'late' | 'missing' | 'dayOff' | 'away';

/** One rep's day. */
export interface RepDay {
  userId: string;
  name: string;
  visits: { total: number; verified: number; outside: number; unverified: number; noteOnly: number };
  customers: string[];
  report: ReportState;
  /** Check-ins of the day still without a check-out. */
  openCheckIns: { customer: string; since: string }[];
  /** Check-ins outside the radius, with the distance to the customer. */
  offSite: { customer: string; distanceM: number }[];
  /**
   * Check-ins whose location deserves a second look: the phone reported it as simulated (DingTalk's
   * JSAPI says so), or its accuracy was worse than the check-in radius.
   */
  doubtfulLocations: { customer: string; reason: 'mocked' | 'inaccurate' }[];
  followUpsTomorrow: { customer: string; nextStep: string | null }[];
  overdueCustomers: OverdueCustomer[];
  /** Plan against actual (issue 14); absent or planned 0 when the rep had no plan that day. */
  plan?: PlanTally;
  /**
   * What the digest's manager already did with the rep's report (issue 15): answered it (a reply or
   * 👍), or read it (chat `日报 张三`, the console). Absent: neither, or no report.
   */
  feedback?: 'answered' | 'read';
}

export interface DailyDigest {
  kind: 'daily';
  managerId: string;
  /** The manager's local date the digest is about. */
  date: string;
  teams: { teamId: string; name: string; reps: RepDay[] }[];
}

/** One rep's week, beside the week before. */
export interface RepWeek {
  userId: string;
  name: string;
  current: WeekFigures;
  previous: WeekFigures;
  /** Plan adherence (issue 14): stops planned (not cancelled) and done, this week and the week before. */
  plan?: { current: PlanWeek; previous: PlanWeek };
}

export interface PlanWeek {
  planned: number;
  done: number;
}

/** Of a team's customers of one tier, how many had a visit within the tier's interval. */
export interface TierCoverage {
  tier: 'A' | 'B' | 'C';
  visited: number;
  total: number;
}

export interface WeekFigures {
  visits: number;
  verified: number;
  outside: number;
  customers: number;
  reportsIn: number;
  reportsLate: number;
  /** Workdays of the week without a report. */
  reportsMissing: number;
  points: number;
}

export interface WeeklyDigest {
  kind: 'weekly';
  managerId: string;
  week: PeriodRange;
  teams: {
    teamId: string;
    name: string;
    reps: RepWeek[];
    current: WeekFigures;
    previous: WeekFigures;
    /** Customer coverage by tier at the end of the week and of the week before (tiers with customers only). */
    coverage?: { current: TierCoverage[]; previous: TierCoverage[] };
  }[];
}

export type Digest = DailyDigest | WeeklyDigest;
