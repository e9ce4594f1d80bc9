import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Packages that need Node (files, threads, long-lived sockets) or are replaced on the edge. */
const forbiddenPackages = [
  '@electric-sql/pglite', // embedded PostgreSQL: the Worker uses PostgreSQL through Hyperdrive
  'bullmq', 'ioredis', // the Worker's scheduler is the Cron Trigger
  '@slack/bolt', '@slack/socket-mode', '@slack/web-api', 'express', 'axios', // Bolt's receivers and its Web API client
  'dingtalk-stream', 'ws', // Stream mode's WebSocket
  'wechaty', 'wechaty-puppet', 'wechaty-puppet-service',
  'pino', 'pino-std-serializers', 'thread-stream', 'sonic-boom', 'pino-abstract-transport', // pino and its transports
  'prom-client', '@hono/node-server',
];

/** Our own node-only files: their edge-safe halves live beside them. */
const forbiddenFiles = [
  'src/db/connect.ts', 'src/db/create-embedded-database.ts', 'src/logger.ts', 'src/app/build-app.ts',
  'jobs/scheduler.ts', 'jobs/queue/bullmq-runner.ts', 'jobs/queue/redis-ping.ts',
  'bots/slack/index.ts', 'bots/slack/transport.ts', 'bots/slack/socket-mode-receiver.ts', 'bots/slack/listeners.ts',
  'bots/dingtalk/index.ts', 'bots/dingtalk/stream-transport.ts', 'bots/dingtalk/stream-client.ts',
  'bots/wechaty/index.ts', 'src/observability/prometheus-metrics.ts',
];

const MB = 1024 * 1024;
/** Workers' limits on the compressed script: 10 MB on the paid plan, 3 MB on the free plan. */
const paidLimit = 10 * MB;
const freeLimit = 3 * MB;

/**
 * The edge boundary: what `wrangler deploy --dry-run` bundles for the Worker (offline, no account)
 * must not contain Node-only packages or our Node-only files, and must fit the Workers size limit.
 */
describe('the Cloudflare Worker bundle', () => {
  let outdir: string;
  let inputs: string[];
  let script: Buffer;

  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'legwork-worker-'));
    await run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir, '--metafile', join(outdir, 'meta.json')], {
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' },
      maxBuffer: 16 * MB,
      timeout: 240_000,
    });
    const meta = JSON.parse(await readFile(join(outdir, 'meta.json'), 'utf8')) as { inputs: Record<string, unknown> };
    inputs = Object.keys(meta.inputs);
    script = await readFile(join(outdir, 'worker.js'));
  }, 300_000);

  afterAll(async () => {
    if (outdir) await rm(outdir, { recursive: true, force: true });
  });

  it('bundles the Worker entry and the shared engine', () => {
    expect(inputs.some((i) => i.endsWith('src/edge/worker.ts'))).toBe(true);
    expect(inputs.some((i) => i.endsWith('src/conversation/engine.ts'))).toBe(true);
    expect(inputs.some((i) => i.endsWith('jobs/deliver/delivery-loop.ts'))).toBe(true);
    expect(inputs.some((i) => i.includes('node_modules/pg/'))).toBe(true);
  });

  it('leaves out PGlite, BullMQ, ioredis, Bolt, dingtalk-stream, Wechaty and pino', () => {
    const packageOf = (input: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    const packages = new Set(inputs.map(packageOf).filter((p): p is string => p !== undefined));
    expect(forbiddenPackages.filter((p) => packages.has(p))).toEqual([]);
    expect(forbiddenFiles.filter((file) => inputs.some((i) => !i.includes('node_modules') && i.endsWith(file)))).toEqual([]);
  });

  it('fits the Workers size limit (compressed)', async () => {
    const gzipped = gzipSync(script).length;
    const line = `Worker bundle: ${(script.length / MB).toFixed(2)} MB, ${(gzipped / MB).toFixed(2)} MB gzipped (limits: 3 MB free plan, 10 MB paid)`;
    console.log(line);
    if (gzipped > freeLimit) console.warn(`warning: above the free plan's 3 MB compressed limit. ${line}`);
    expect(gzipped).toBeLessThan(paidLimit);
    expect((await stat(join(outdir, 'worker.js'))).size).toBe(script.length);
  });
});
