/**
 * `npm run bench`: every benchmark, one after the other, each in its own process so one's memory
 * and warm caches do not colour the next: the check-in service (`bench:checkins`, bench/run.ts), then
 * the scheduler (`bench:scheduler`, bench/scheduler.ts). Flags go where they belong: `--postgres` and
 * `--database-url URL` to both, `--quick` and `--runs N` to the scheduler, the rest to the check-ins.
 */
import { spawn } from 'node:child_process';

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

function run(script: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' });
    child.once('close', (code) => resolve(code ?? 1));
  });
}

const { checkins, scheduler } = route(process.argv.slice(2));
const first = await run('bench/run.ts', checkins);
process.stdout.write('\n');
const second = await run('bench/scheduler.ts', scheduler);
await run('bench/route.ts', []); // route order for 25 stops (issue 14); a missed target is reported, not fatal
process.exit(first !== 0 ? first : second);
