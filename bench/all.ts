/**
 * `npm run bench`: every benchmark, one after the other, each in its own process so one's memory
 * and warm caches do not colour the next: the check-in service (`bench:checkins`, bench/run.ts), then
 * the scheduler (`bench:scheduler`, bench/scheduler.ts). Flags go where they belong: `--postgres` and
 * `--database-url URL` to both, `--quick` and `--runs N` to the scheduler, the rest to the check-ins.
 * Without REDIS_URL the scheduler's BullMQ baseline uses a local Redis when one answers.
 */
import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';

const schedulerOnly = new Set(['--quick', '--runs']);
const shared = new Set(['--postgres', '--database-url']);
const takesValue = new Set(['--database-url', '--runs']);

function route(argv: string[]): { checkins: string[]; scheduler: string[] } {
  const out = { checkins: [] as string[], scheduler: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!.split('=', 1)[0]!;
    const words = takesValue.has(flag) && !argv[i]!.includes('=') ? [argv[i]!, argv[++i] ?? ''] : [argv[i]!];
    if (shared.has(flag)) {
      out.checkins.push(...words);
      out.scheduler.push(...words);
    } else if (schedulerOnly.has(flag)) {
      out.scheduler.push(...words);
    } else {
      out.checkins.push(...words);
    }
  }
  return out;
}

/** Whether something accepts connections on Redis's default port (within a second). */
function localRedisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: 6379 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit', env });
    child.once('close', (code) => resolve(code ?? 1));
  });
}

const { checkins, scheduler } = route(process.argv.slice(2));
const env = { ...process.env };
if (!env.REDIS_URL && (await localRedisAnswers())) env.REDIS_URL = 'redis://127.0.0.1:6379';
const first = await run('bench/run.ts', checkins, process.env);
process.stdout.write('\n');
const second = await run('bench/scheduler.ts', scheduler, env);
process.exit(first !== 0 ? first : second);
