import { Redis } from 'ioredis';
import type { OwnPostgres } from './own-postgres.ts';
import type { OwnRedis } from './own-redis.ts';
import { createDatabase, waitForAnswers, type Tally } from './verify.ts';
import { createPlatformClient, type PlatformClient } from './platform-client.ts';
import { startProcess, type ProcessKind, type ServiceProcess } from './service-process.ts';

/** What every case gets: the suite's own PostgreSQL and Redis, and the run's size. */
export interface CaseContext {
  pg: OwnPostgres;
  redis?: OwnRedis;
  short: boolean;
  log(line: string): void;
}

/** One case's figures, printed as a row; `failures` lists the expectations it missed. */
export interface CaseResult {
  name: string;
  tally: Tally;
  /** The case's recovery figure (what it measures is in `recoverWhat`). */
  recoverMs?: number;
  recoverWhat: string;
  notes: string[];
  failures: string[];
}

export interface ChaosCase {
  name: string;
  needsRedis: boolean;
  run(context: CaseContext): Promise<CaseResult>;
}

/** A case's own database (and, with Redis, an emptied Redis), and its processes, stopped at the end. */
export class Deployment {
  readonly processes: ServiceProcess[] = [];
  readonly client: PlatformClient;
  /** Kills in progress: their processes come back, so the platform keeps retrying meanwhile. */
  private restarting = 0;
  private constructor(
    readonly databaseUrl: string,
    readonly env: Record<string, string>,
  ) {
    this.client = createPlatformClient({
      targets: () => this.webUrls(),
      anyAlive: () => this.restarting > 0 || this.processes.some((p) => p.kind === 'web' && !p.hasExited()),
    });
  }

  static async create(context: CaseContext, name: string, options: { redis?: boolean } = {}): Promise<Deployment> {
    const databaseUrl = await createDatabase(context.pg.url, `chaos_${name.replaceAll('-', '_')}`);
    const env: Record<string, string> = { DATABASE_URL: databaseUrl, NODE_ENV: 'production' };
    if (options.redis) {
      if (!context.redis) throw new Error(`${name} needs Redis`);
      // Our own redis-server: emptying it only drops the previous case's schedules.
      const redis = new Redis(context.redis.url, { lazyConnect: true });
      await redis.connect();
      await redis.flushall();
      redis.disconnect();
      env.REDIS_URL = context.redis.url;
    }
    return new Deployment(databaseUrl, env);
  }

  webUrls(): string[] {
    const up = this.processes.filter((p) => p.kind === 'web' && !p.hasExited()).map((p) => p.baseUrl!);
    return up.length ? up : this.processes.filter((p) => p.kind === 'web').map((p) => p.baseUrl!);
  }

  async start(kind: ProcessKind, options: { port?: number; env?: Record<string, string> } = {}): Promise<ServiceProcess> {
    const process = await startProcess(kind, { ...this.env, ...options.env }, { port: options.port });
    this.processes.push(process);
    return process;
  }

  /** kill -9 and start it again on the same port, as a supervisor would; returns the new process and when it was ready. */
  async killAndRestart(victim: ServiceProcess): Promise<{ process: ServiceProcess; killedAt: number; readyAt: number }> {
    const killedAt = performance.now();
    this.restarting++;
    try {
      victim.kill('SIGKILL');
      await victim.exited;
      const port = victim.baseUrl ? Number(new URL(victim.baseUrl).port) : undefined;
      const process = await this.start(victim.kind, { port });
      return { process, killedAt, readyAt: performance.now() };
    } finally {
      this.restarting--;
    }
  }

  /** Registers the users (their first message gets a welcome) so each later `help` gets exactly one reply. */
  async register(users: string[]): Promise<void> {
    const ids = users.map((user) => `register-${user}`);
    await Promise.all(users.map((user, i) => this.client.post({ id: ids[i]!, userId: user, text: 'help' })));
    const { tally } = await waitForAnswers(this.databaseUrl, ids, ids.length, 60_000);
    if (tally.answered < ids.length) throw new Error(`only ${tally.answered} of ${ids.length} users were registered`);
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
  }

  /** Output of processes that died on their own (not killed by the suite). */
  crashes(killed: ServiceProcess[] = []): string[] {
    return this.processes.filter((p) => p.hasExited() && !killed.includes(p)).map((p) => `${p.kind} ${p.pid} exited by itself:\n${p.output().slice(-2000)}`);
  }
}

/** `/readyz` polled every `intervalMs`: status and answer time of each poll. */
export function watchReadiness(url: () => string, intervalMs = 200) {
  const samples: { at: number; status: number; ms: number }[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const at = performance.now();
      let status = 0;
      try {
        const res = await fetch(`${url()}/readyz`, { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 0; // no answer (refused or over 5 s)
      }
      samples.push({ at, status, ms: performance.now() - at });
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    samples,
    async stop() {
      stopped = true;
      await loop;
      return samples;
    },
    /** First poll at or after `from` that answered 200. */
    firstReadyAfter(from: number) {
      return samples.find((s) => s.at >= from && s.status === 200);
    },
  };
}

/** The figures every case checks: nothing lost, nothing doubled, no process died by itself. */
export function basicFailures(tally: Tally, crashes: string[]): string[] {
  const failures: string[] = [];
  if (tally.lost > 0) failures.push(`${tally.lost} messages never answered`);
  if (tally.duplicated > 0) failures.push(`${tally.duplicated} messages answered twice`);
  if (tally.stored < tally.sent) failures.push(`${tally.sent - tally.stored} messages not stored`);
  for (const crash of crashes) failures.push(crash);
  return failures;
}

export const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
