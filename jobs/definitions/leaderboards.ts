import { createHash } from 'node:crypto';
import { z } from 'zod';
import { findDueLeaderboards, postLeaderboards } from '../../src/core/leaderboards/post-leaderboards.ts';
import { jobIdOf, type JobDefinition } from '../queue/types.ts';

const board = z.object({
  teamId: z.uuid(),
  period: z.enum(['day', 'week', 'month']),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
// One board is what earlier versions queued: such a job may still sit in Redis across a deploy.
const postPayload = z.union([z.object({ boards: z.array(board).min(1) }), board]);

/** Boards per post job: their tallies are read in one statement, charts drawn one after another. */
export const boardsPerJob = 25;

/** Builds a batch of teams' boards and writes each to the outbox for its team's group (idempotent by key). */
export const leaderboardPost: JobDefinition<z.infer<typeof postPayload>> = {
  name: 'leaderboard-post',
  schema: postPayload,
  async handler({ db, clock }, payload) {
    return { posted: await postLeaderboards(db, clock.now(), 'boards' in payload ? payload.boards : [payload]) };
  },
};

/**
 * Every minute: which teams' boards are due (weekly, monthly) and not yet posted; one post job per
 * batch of boards, built in parallel across workers. A batch's id is a digest of its boards' keys:
 * a tick that finds the same boards still due adds nothing, and a batch with other boards is
 * never taken for one that already ran.
 */
export const leaderboardsTick: JobDefinition<Record<string, unknown>> = {
  name: 'leaderboards-tick',
  schema: z.object({}),
  async handler({ db, clock, enqueue }) {
    const due = await findDueLeaderboards(db, clock.now());
    for (let i = 0; i < due.length; i += boardsPerJob) {
      const batch = due.slice(i, i + boardsPerJob);
      const digest = createHash('sha256').update(batch.map((item) => item.key).join('\n')).digest('hex').slice(0, 32);
      await enqueue(
        leaderboardPost.name,
        { boards: batch.map((item) => ({ teamId: item.teamId, period: item.period, date: item.date })) },
        { jobId: jobIdOf('leaderboards', batch[0]!.date, digest) },
      );
    }
    return { due: due.length };
  },
};
