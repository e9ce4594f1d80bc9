import type { JobDefinition } from './queue/types.ts';
import { remindersTick } from './definitions/reminders-tick.ts';
import { leaderboardPost, leaderboardsTick } from './definitions/leaderboards.ts';
import { digestSend, digestsTick } from './definitions/digests.ts';
import { housekeeping } from './definitions/housekeeping.ts';
import { alertsTick } from './definitions/alerts-tick.ts';

/**
 * Every job the scheduler runs. Kept apart from `scheduler.ts` (which also knows BullMQ) so the
 * Cloudflare Worker's cron pass runs the same definitions without bundling bullmq or ioredis.
 */
export const jobDefinitions: readonly JobDefinition<any>[] = [remindersTick, leaderboardsTick, leaderboardPost, digestsTick, digestSend, housekeeping, alertsTick];

/** The passes that look for due work (reminders, boards, digests, managers' held alerts), each fired every minute. */
export const minutePasses: readonly string[] = [remindersTick.name, leaderboardsTick.name, digestsTick.name, alertsTick.name];

/** Hourly bookkeeping, on the 17th minute (off the minute passes' busiest second). */
export const housekeepingCron = '17 * * * *';
export const housekeepingJob = housekeeping.name;
