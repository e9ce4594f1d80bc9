import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
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
  'exceljs', // the Worker writes .xlsx with fflate (src/http/api/exports/xlsx-zip-writer.ts)
  // The server-side chart renderer (Node draws charts; wrangler.toml [alias]): ECharts' modules and
  // zrender are not in the script (the console's ECharts is a text module beside it, not an input).
  'echarts', 'zrender', '@resvg/resvg-js',
];

/** Our own node-only files: their edge-safe halves live beside them. */
const forbiddenFiles = [
  'src/db/connect.ts', 'src/db/create-embedded-database.ts', 'src/logger.ts', 'src/app/build-app.ts',
  'jobs/scheduler.ts', 'jobs/queue/bullmq-runner.ts', 'jobs/queue/redis-ping.ts',
  'bots/slack/index.ts', 'bots/slack/transport.ts', 'bots/slack/socket-mode-receiver.ts', 'bots/slack/listeners.ts',
  'bots/dingtalk/index.ts', 'bots/dingtalk/stream-transport.ts', 'bots/dingtalk/stream-client.ts',
  'bots/wechaty/index.ts', 'src/observability/prometheus-metrics.ts',
  // Node reads these files from node_modules or the disk; the Worker has them bundled as text.
  'src/cli/import-customers.ts', 'src/http/console/echarts-file.ts', 'src/http/privacy/notice-file.ts', 'src/http/api/docs-script.ts',
  // Charts are drawn on Node: the Worker bundles src/edge/no-chart-rendering.ts in their place.
  'src/charts/render-png.ts', 'src/charts/font-file.ts', 'src/charts/font-subset.ts', 'src/charts/chart-font.ts',
];

const MB = 1024 * 1024;
/** Workers' limits on the compressed script: 10 MB on the paid plan, 3 MB on the free plan. */
const paidLimit = 10 * MB;
const freeLimit = 3 * MB;

/**
 * The edge boundary: what `wrangler deploy --dry-run` bundles for the Worker (offline, no account)
 * must not contain Node-only packages or our Node-only files, and must fit the Workers size limit.
 * The limit is on the whole upload: the script plus the text modules beside it (the console's
 * ECharts and the docs page's Scalar, wrangler.toml [[rules]]).
 */
describe('the Cloudflare Worker bundle', () => {
  let outdir: string;
  let inputs: string[];
  let script: Buffer;
  /** Every module of the upload (worker.js and the text modules), by file name. */
  let modules: Map<string, Buffer>;

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
    const uploaded = (await readdir(outdir)).filter((name) => name.endsWith('.js'));
    modules = new Map(await Promise.all(uploaded.map(async (name) => [name, await readFile(join(outdir, name))] as const)));
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

  it('leaves out PGlite, BullMQ, ioredis, Bolt, dingtalk-stream, Wechaty, pino and the server-side chart renderer', () => {
    const packageOf = (input: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    const packages = new Set(inputs.map(packageOf).filter((p): p is string => p !== undefined));
    expect(forbiddenPackages.filter((p) => packages.has(p))).toEqual([]);
    expect(forbiddenFiles.filter((file) => inputs.some((i) => !i.includes('node_modules') && i.endsWith(file)))).toEqual([]);
    // The chart modules are in, drawing through the stand-in that answers "charts need Node".
    expect(inputs.some((i) => i.endsWith('src/charts/leaderboard-chart.ts'))).toBe(true);
    expect(inputs.some((i) => i.endsWith('src/edge/no-chart-rendering.ts'))).toBe(true);
  });

  it('ships the console\'s ECharts and the docs page\'s Scalar as text modules beside the script', () => {
    const names = [...modules.keys()];
    expect(names.some((n) => n.endsWith('-echarts.min.js'))).toBe(true);
    expect(names.some((n) => n.endsWith('-standalone.js'))).toBe(true);
    // Not parsed as JavaScript at start-up, and not inlined into the script a second time.
    expect(script.includes('Licensed to the Apache Software Foundation (ASF)')).toBe(false);
  });

  it('fits the Workers size limit (the whole upload, compressed)', () => {
    const sizes = [...modules].map(([name, bytes]) => ({ name, raw: bytes.length, gzipped: gzipSync(bytes).length }));
    const raw = sizes.reduce((n, s) => n + s.raw, 0);
    const gzipped = sizes.reduce((n, s) => n + s.gzipped, 0);
    const parts = sizes.map((s) => `${s.name.replace(/^[0-9a-f]{40}-/, '')} ${(s.gzipped / MB).toFixed(2)}`).join(', ');
    const line = `Worker upload: ${(raw / MB).toFixed(2)} MB, ${(gzipped / MB).toFixed(2)} MB gzipped (${parts}; limits: 3 MB free plan, 10 MB paid)`;
    console.log(line);
    if (gzipped > freeLimit) console.warn(`warning: above the free plan's 3 MB compressed limit. ${line}`);
    expect(modules.get('worker.js')?.length).toBe(script.length);
    expect(gzipped).toBeLessThan(paidLimit);
  });
});
