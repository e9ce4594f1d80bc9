import { z } from 'zod';
import { findDueLeaderboards, postLeaderboard } from '../../src/core/leaderboards/post-leaderboards.ts';
import { jobIdOf, type JobDefinition } from '../queue/types.ts';

const postPayload = z.object({
  teamId: z.uuid(),
  period: z.enum(['day', 'week', 'month']),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** Builds one team's board and writes it to the outbox for the team's group (idempotent by key). */
export const leaderboardPost: JobDefinition<z.infer<typeof postPayload>> = {
  name: 'leaderboard-post',
  schema: postPayload,
  async handler({ db, clock }, payload) {
    return { posted: await postLeaderboard(db, clock.now(), payload) };
  },
};

/**
 * Every minute: which teams' boards are due (weekly, monthly) and not yet posted; one post job per
 * board, its job id the board's natural key, so boards are built in parallel across workers.
 */
export const leaderboardsTick: JobDefinition<Record<string, unknown>> = {
  name: 'leaderboards-tick',
  schema: z.object({}),
  async handler({ db, clock, enqueue }) {
    const due = await findDueLeaderboards(db, clock.now());
    for (const item of due) {
      await enqueue(leaderboardPost.name, { teamId: item.teamId, period: item.period, date: item.date }, { jobId: jobIdOf('leaderboard', item.period, item.teamId, item.date) });
    }
    return { due: due.length };
  },
};
