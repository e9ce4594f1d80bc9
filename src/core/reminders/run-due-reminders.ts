import type { Db } from '../shared/db.ts';
import type { Clock } from '../shared/clock.ts';
import type { LocationLinkSettings } from '../location-links/issue-location-link.ts';
import { loadSettingsBook } from '../schedules/settings-repository.ts';
import { writeScheduledSends, type ScheduledSend } from '../schedules/scheduled-sends.ts';
import { dueReportReminders } from './due-report-reminders.ts';
import { dueCheckoutReminders } from './due-checkout-reminders.ts';
import { dueFollowUpReminders } from './due-follow-up-reminders.ts';
import { dueOverdueReminders } from './due-overdue-reminders.ts';
import { dueMorningPlans, dueStopReminders } from './due-plan-reminders.ts';
import { SkipTally, peopleZones, type ReminderPass, type SkipReason } from './pass-context.ts';

export interface ReminderPassResult {
  written: number;
  skipped: Partial<Record<SkipReason, number>>;
}

/** One finder per reminder kind; each returns what is due now and not yet written. */
type Finder = (pass: ReminderPass, skipped: SkipTally) => Promise<ScheduledSend[]>;
const finders: Finder[] = [dueReportReminders, dueCheckoutReminders, dueFollowUpReminders, dueOverdueReminders, dueMorningPlans, dueStopReminders];

/**
 * One reminder pass: finds every reminder due at `clock.now()` and writes it to the outbox under its
 * natural key. Safe to run at any minute, late, twice or in two processes at once: what was written
 * is never written again.
 */
export async function runDueReminders({ db, clock, links }: { db: Db; clock: Clock; links?: LocationLinkSettings }): Promise<ReminderPassResult> {
  const now = clock.now();
  const pass: ReminderPass = { db, now, book: await loadSettingsBook(db), zones: await peopleZones(db), ...(links ? { links } : {}) };
  const skipped = new SkipTally();
  const sends: ScheduledSend[] = [];
  for (const find of finders) sends.push(...(await find(pass, skipped)));
  const written = await writeScheduledSends(db, sends, now);
  return { written, skipped: skipped.counts };
}
