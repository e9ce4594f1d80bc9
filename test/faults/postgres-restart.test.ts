import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type ChildService } from '../../bench/lib/child-service.ts';
import { ownPostgresMissing, startOwnPostgres, type OwnPostgres } from '../support/own-postgres.ts';

/**
 * Issue #12 defect 1: the service against a PostgreSQL cluster of its own that is restarted while
 * messages keep arriving. The process must stay up, answer 503 (platforms retry) while the database
 * is away, say so in /readyz, and serve again by itself within seconds once it is back.
 */
const missing = ownPostgresMissing();
if (missing) console.warn(`skipping the PostgreSQL restart test: ${missing}`);

interface Stream {
  statuses: number[];
  /** Bodies of answers other than 202 / 503, to show what went wrong. */
  odd: string[];
  stop(): Promise<void>;
}

/** Four senders posting distinct messages back to back, as platforms deliver them, until stopped. */
function streamMessages(baseUrl: string): Stream {
  const statuses: number[] = [];
  const odd: string[] = [];
  let running = true;
  let seq = 0;
  const sender = async (n: number) => {
    while (running) {
      const id = `stream-${n}-${seq++}`;
      const status = await fetch(`${baseUrl}/local/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id, userId: `rep-${n}`, text: 'help' }),
        signal: AbortSignal.timeout(10_000),
      }).then(
        async (res) => {
          const body = await res.text();
          if (res.status !== 202 && res.status !== 503) odd.push(`${res.status} ${body}`);
          return res.status;
        },
        () => 0, // no answer at all: the process is gone or hangs
      );
      statuses.push(status);
    }
  };
  const senders = [0, 1, 2, 3].map(sender);
  return {
    statuses,
    odd,
    async stop() {
      running = false;
      await Promise.all(senders);
    },
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function readiness(baseUrl: string): Promise<{ status: number; body: { checks?: Record<string, { ok: boolean }> } }> {
  const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5000) });
  return { status: res.status, body: (await res.json()) as { checks?: Record<string, { ok: boolean }> } };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(missing !== undefined)('a PostgreSQL restart under load', () => {
  let pg: OwnPostgres;
  let service: ChildService;
  beforeAll(async () => {
    pg = await startOwnPostgres();
    service = await startService({ env: { DATABASE_URL: pg.url, LOG_LEVEL: 'warn' } });
  }, 180_000);
  afterAll(async () => {
    await service?.stop();
    await pg?.destroy();
  });

  it('keeps the process up, answers 503 while the database is away and serves again within seconds', async () => {
    // One message first: the org's first contact is registered before the senders run in parallel.
    const first = await fetch(`${service.baseUrl}/local/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'first', userId: 'admin', text: 'help' }),
    });
    expect(first.status).toBe(202);
    const stream = streamMessages(service.baseUrl);
    await until('messages flowing', async () => (stream.statuses.filter((s) => s === 202).length >= 20 ? true : undefined), 30_000);

    // Fast shutdown terminates the sessions the service holds, some of them mid-query.
    await pg.stop();
    const seenAt = stream.statuses.length;
    await until('503s from the stream', async () => (stream.statuses.slice(seenAt).filter((s) => s === 503).length >= 5 ? true : undefined), 15_000);
    const down = await readiness(service.baseUrl);
    expect(down.status).toBe(503);
    expect(down.body.checks?.database?.ok).toBe(false);

    await pg.start();
    const back = Date.now();
    await until('ready again', async () => ((await readiness(service.baseUrl)).status === 200 ? true : undefined), 10_000);
    const afterRestart = stream.statuses.length;
    await until('messages accepted again', async () => (stream.statuses.slice(afterRestart).includes(202) ? true : undefined), 10_000);
    const recoveredInMs = Date.now() - back;
    await stream.stop();

    expect(alive(service.pid), service.output()).toBe(true);
    expect(recoveredInMs).toBeLessThan(10_000);
    // Every answer was an acceptance or a "try again": never a 500, never silence.
    expect([...new Set(stream.statuses)].sort(), [...stream.odd, ...service.output().split('\n').filter((l) => l.includes('"level":50'))].join('\n')).toEqual([202, 503]);

    // Replies flow again too: the delivery loop recovered by itself.
    await fetch(`${service.baseUrl}/local/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'after-the-restart', userId: 'latecomer', text: 'help' }),
    });
    const inbox = await until(
      'a reply after the restart',
      async () => {
        const messages = (await (await fetch(`${service.baseUrl}/local/inbox/latecomer`)).json()) as unknown[];
        return messages.length > 0 ? messages : undefined;
      },
      10_000,
    );
    expect(inbox.length).toBeGreaterThan(0);
  }, 120_000);
});
