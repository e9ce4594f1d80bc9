import { basicFailures, Deployment, type ChaosCase } from '../stack.ts';
import { messagesFor } from '../platform-client.ts';
import { waitForAnswers } from '../verify.ts';
import type { ProcessKind } from '../service-process.ts';

/**
 * `kill -9` of one process mid-burst (a web process of two, or the worker beside one web process),
 * restarted at once as a supervisor would. The platform retries what a dead web process did not
 * acknowledge; the replies to everything acknowledged before the kill (some claimed by the dead
 * process) must all be delivered within 5 s of the restart.
 */
function killCase(name: string, kind: ProcessKind): ChaosCase {
  return {
    name,
    needsRedis: false,
    async run(context) {
      const deployment = await Deployment.create(context, name.replaceAll('-', '_'));
      try {
        const first = await deployment.start('web');
        const second = await deployment.start(kind === 'web' ? 'web' : 'worker');
        const victim = kind === 'web' ? first : second;
        const users = Array.from({ length: 40 }, (_, i) => `${name}-rep-${i}`);
        await deployment.register(users);
        const messages = messagesFor(name, context.short ? 400 : 2000, users);
        const ackedIds: string[] = [];
        let stall: Promise<{ killedAt: number; readyAt: number; settledAt: number; answered: number; of: number }> | undefined;
        const outcomes = await deployment.client.burst(messages, 16, (acked, id) => {
          ackedIds.push(id);
          if (acked !== Math.floor(messages.length / 2)) return;
          const before = [...ackedIds];
          context.log(`kill -9 ${kind} ${victim.pid} at ${acked} acknowledged`);
          // Counted from the kill, beside the restart: the surviving processes may deliver them first.
          stall = Promise.all([deployment.killAndRestart(victim), waitForAnswers(deployment.databaseUrl, before, before.length, 90_000)]).then(
            ([restart, { tally, settledAt }]) => ({ ...restart, settledAt, answered: tally.answered, of: before.length }),
          );
        });
        const acked = outcomes.filter((o) => o.acked).length;
        const { tally } = await waitForAnswers(deployment.databaseUrl, messages.map((m) => m.id), acked, 90_000);
        const failures = basicFailures(tally, deployment.crashes([victim]));
        const kill = await stall;
        let recoverMs: number | undefined;
        const notes: string[] = [];
        if (!kill) failures.push('the kill did not happen');
        else {
          recoverMs = Math.max(0, kill.settledAt - kill.readyAt);
          if (kill.answered < kill.of) failures.push(`${kill.of - kill.answered} replies to messages acknowledged before the kill never came`);
          else if (recoverMs > 5000) failures.push(`replies stalled ${(recoverMs / 1000).toFixed(1)} s after the restart (target 5 s)`);
          // When the restart itself takes longer than the 30 s outbox lease, the stall after it hides the
          // lease; kill → all earlier replies shows it either way.
          notes.push(
            `restart took ${((kill.readyAt - kill.killedAt) / 1000).toFixed(1)} s; kill → replies to all earlier messages: ${((kill.settledAt - kill.killedAt) / 1000).toFixed(1)} s; platform retries: ${outcomes.reduce((n, o) => n + o.attempts - 1, 0)}`,
          );
        }
        return { name, tally, recoverMs, recoverWhat: 'restarted → replies to all earlier messages delivered', notes, failures };
      } finally {
        await deployment.stop();
      }
    },
  };
}

export const killWeb = killCase('kill-web', 'web');
export const killWorker = killCase('kill-worker', 'worker');
