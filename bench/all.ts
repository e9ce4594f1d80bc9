/**
 * `npm run bench`: every benchmark, one after the other, each in its own process so one's memory
 * and warm caches do not colour the next: the check-in service (`bench:checkins`, bench/run.ts), then
 * the scheduler (`bench:scheduler`, bench/scheduler.ts), then, when `--org-size N` is given, the
 * large org (`bench:org`, bench/org.ts; on PostgreSQL unless `--embedded`). Flags go where they belong:
 * `--postgres` and `--database-url URL` to all, `--quick` and `--runs N` to the scheduler, the org
 * bench's own flags to it, the rest to the check-ins.
 */
import { spawn } from 'node:child_process';

const schedulerOnly = new Set(['--quick', '--runs']);
const orgOnly = new Set(['--org-size', '--embedded', '--chat-rate', '--chat-seconds', '--rounds']);
const shared = new Set(['--postgres', '--database-url']);
const takesValue = new Set(['--database-url', '--runs', '--org-size', '--chat-rate', '--chat-seconds', '--rounds']);

function route(argv: string[]): { checkins: string[]; scheduler: string[]; org: string[] } {
  const out = { checkins: [] as string[], scheduler: [] as string[], org: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!.split('=', 1)[0]!;
    const words = takesValue.has(flag) && !argv[i]!.includes('=') ? [argv[i]!, argv[++i] ?? ''] : [argv[i]!];
    if (shared.has(flag)) {
      out.checkins.push(...words);
      out.scheduler.push(...words);
      out.org.push(...words);
    } else if (orgOnly.has(flag)) {
      out.org.push(...words);
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

const { checkins, scheduler, org } = route(process.argv.slice(2));
const codes = [await run('bench/run.ts', checkins)];
process.stdout.write('\n');
codes.push(await run('bench/scheduler.ts', scheduler));
process.stdout.write('\n');
await run('bench/route.ts', []); // route order for 25 stops (issue 14); a missed target is reported, not fatal
process.stdout.write('\n');
await run('bench/charts.ts', []); // a 30-person chart and the renderer's memory (issue 18); reported, not fatal
if (org.some((word) => word.startsWith('--org-size'))) {
  process.stdout.write('\n');
  codes.push(await run('bench/org.ts', org));
}
process.exit(codes.find((code) => code !== 0) ?? 0);
