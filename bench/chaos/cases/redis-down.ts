import { basicFailures, Deployment, watchReadiness, type ChaosCase } from '../stack.ts';
import type { LocalMessage, SendOutcome } from '../platform-client.ts';
import { tally, waitForAnswers } from '../verify.ts';

/**
 * Redis (BullMQ) down for 30 s (10 s with --short) under steady chat on one web and one worker
 * process: chat keeps answering (it needs only PostgreSQL), `/readyz` answers 503 naming the queue
 * within 1 s, is 200 again soon after Redis returns, and the minute passes run again afterwards.
 */
export const redisDown: ChaosCase = {
  name: 'redis-down',
  needsRedis: true,
  async run(context) {
    const redis = context.redis!;
    const outageMs = context.short ? 10_000 : 30_000;
    const deployment = await Deployment.create(context, 'redis_down', { redis: true });
    try {
      const web = await deployment.start('web');
      await deployment.start('worker');
      const users = Array.from({ length: 20 }, (_, i) => `redis-rep-${i}`);
      await deployment.register(users);
      const readiness = watchReadiness(() => web.baseUrl!, 250);

      // Steady chat, 10 messages a second, from 3 s before the outage to 3 s after it.
      const sent: LocalMessage[] = [];
      const pending: Promise<SendOutcome>[] = [];
      let chatting = true;
      const chat = (async () => {
        for (let i = 0; chatting; i++) {
          const message = { id: `redis-${i}`, userId: users[i % users.length]!, text: 'help' };
          sent.push(message);
          pending.push(deployment.client.post(message));
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      await new Promise((r) => setTimeout(r, 3000));
      const downAt = performance.now();
      await redis.stopServer();
      context.log('Redis stopped');
      await new Promise((r) => setTimeout(r, outageMs));
      const duringIds = sent.filter((_, i) => i >= 30).map((m) => m.id);
      const during = await tally(deployment.databaseUrl, duringIds, duringIds.length);
      const upAt = performance.now();
      await redis.startServer();
      context.log('Redis started again');
      await new Promise((r) => setTimeout(r, 3000));
      chatting = false;
      await chat;
      const outcomes = await Promise.all(pending);
      const acked = outcomes.filter((o) => o.acked).length;
      const { tally: result } = await waitForAnswers(deployment.databaseUrl, sent.map((m) => m.id), acked, 60_000);
      const readyAgain = await waitReady(readiness, upAt, 30_000);
      const samples = await readiness.stop();

      const outage = samples.filter((s) => s.at >= downAt && s.at < upAt);
      const first503 = outage.find((s) => s.status === 503);
      const slowest = Math.max(0, ...outage.map((s) => s.ms));
      const failures = basicFailures(result, deployment.crashes());
      if (!first503 || first503.at + first503.ms - downAt > 1000) failures.push(`/readyz did not answer 503 within 1 s of Redis going down (first 503 after ${first503 ? (first503.at + first503.ms - downAt).toFixed(0) : 'never'} ms)`);
      if (slowest > 1000) failures.push(`a /readyz answer took ${slowest.toFixed(0)} ms during the outage`);
      if (during.answered < during.sent * 0.95) failures.push(`only ${during.answered} of ${during.sent} messages sent during the outage were answered during it`);
      const recoverMs = readyAgain ? readyAgain.at - upAt : undefined;
      if (recoverMs === undefined) failures.push('/readyz never 200 again after Redis returned');
      return {
        name: this.name,
        tally: result,
        recoverMs,
        recoverWhat: 'Redis back → /readyz 200',
        notes: [
          `answered during the outage: ${during.answered} of ${during.sent}`,
          `/readyz during the outage: ${outage.length} polls, ${outage.filter((s) => s.status === 503).length} × 503, slowest ${slowest.toFixed(0)} ms`,
          'scheduled sends: not exercised by this case (see many-processes)',
        ],
        failures,
      };
    } finally {
      await deployment.stop();
    }
  },
};

async function waitReady(readiness: ReturnType<typeof watchReadiness>, from: number, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const ready = readiness.firstReadyAfter(from);
    if (ready) return ready;
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}
