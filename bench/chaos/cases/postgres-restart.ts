import { basicFailures, Deployment, watchReadiness, type ChaosCase } from '../stack.ts';
import { messagesFor } from '../platform-client.ts';
import { waitForAnswers } from '../verify.ts';

/**
 * PostgreSQL restarted twice (fast shutdown, as `pg_ctlcluster … restart` does) during a burst on
 * one web process: it must stay up, answer 503 while the database is away (the platform retries),
 * report it in /readyz and be ready again within 10 s of PostgreSQL's return, losing and doubling nothing.
 */
export const postgresRestart: ChaosCase = {
  name: 'postgres-restart',
  needsRedis: false,
  async run(context) {
    const deployment = await Deployment.create(context, 'postgres_restart');
    try {
      const web = await deployment.start('web');
      const users = Array.from({ length: 40 }, (_, i) => `pg-rep-${i}`);
      await deployment.register(users);
      const messages = messagesFor('pg', context.short ? 400 : 2000, users);
      const readiness = watchReadiness(() => web.baseUrl!);

      const restarts: { backAt: number }[] = [];
      const marks = [Math.floor(messages.length / 3), Math.floor((2 * messages.length) / 3)];
      let restarting: Promise<void> = Promise.resolve();
      const outcomes = await deployment.client.burst(messages, 16, (acked) => {
        if (!marks.includes(acked)) return;
        restarting = restarting.then(async () => {
          context.log(`restarting PostgreSQL at ${acked} acknowledged`);
          await context.pg.restart();
          restarts.push({ backAt: performance.now() });
        });
      });
      await restarting;
      const acked = outcomes.filter((o) => o.acked).length;
      const { tally } = await waitForAnswers(deployment.databaseUrl, messages.map((m) => m.id), acked, 60_000);
      // Give the readiness poller a moment past the last restart before reading it.
      await new Promise((r) => setTimeout(r, 1000));
      const samples = await readiness.stop();

      const recoveries = restarts.map((r) => readiness.firstReadyAfter(r.backAt)).map((s, i) => (s ? s.at - restarts[i]!.backAt : undefined));
      const recoverMs = recoveries.some((r) => r === undefined) ? undefined : Math.max(...(recoveries as number[]));
      const unavailable = samples.filter((s) => s.status === 503).length;
      const failures = basicFailures(tally, deployment.crashes());
      if (restarts.length < 2) failures.push(`only ${restarts.length} restarts happened`);
      if (recoverMs === undefined || recoverMs > 10_000) failures.push(`/readyz not 200 within 10 s of PostgreSQL's return (${recoveries.map((r) => r?.toFixed(0) ?? 'never').join(', ')} ms)`);
      return {
        name: this.name,
        tally,
        recoverMs,
        recoverWhat: 'PostgreSQL back → /readyz 200 (worst of 2)',
        notes: [
          `/readyz polls: ${samples.length}, 503: ${unavailable}, no answer: ${samples.filter((s) => s.status === 0).length}`,
          `platform retries: ${outcomes.reduce((n, o) => n + o.attempts - 1, 0)}`,
        ],
        failures,
      };
    } finally {
      await deployment.stop();
    }
  },
};
