/**
 * `npm run bench`: every benchmark, one after the other, each in its own process so one's memory
 * and warm caches do not colour the next: the check-in service (`bench:checkins`, bench/run.ts), then
 * the scheduler (`bench:scheduler`, bench/scheduler.ts), route order and plan suggestions (issue 14:
 * bench/route.ts, bench/plan-suggest.ts), then, when `--org-size N` is given, the
 * large org (`bench:org`, bench/org.ts; on PostgreSQL unless `--embedded`). Flags go where they belong:
 * `--postgres` and `--database-url URL` to all, `--quick` and `--runs N` to the scheduler, the org
 * bench's own flags to it, the rest to the check-ins. Then the admin API's CSV export beside
 * PostgreSQL's COPY (`bench:exports`, bench/exports.ts; `--export-rows N`, default 10,000, or 100,000
 * when DATABASE_URL is set; `--embedded` there means PGlite).
 */
import { spawn } from 'node:child_process';

const schedulerOnly = new Set(['--quick', '--runs']);
const orgOnly = new Set(['--org-size', '--embedded', '--chat-rate', '--chat-seconds', '--rounds']);
const shared = new Set(['--postgres', '--database-url']);
const takesValue = new Set(['--database-url', '--runs', '--org-size', '--chat-rate', '--chat-seconds', '--rounds']);

function route(argv: string[]): { checkins: string[]; scheduler: string[]; org: string[]; plans: string[] } {
  const out = { checkins: [] as string[], scheduler: [] as string[], org: [] as string[], plans: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!.split('=', 1)[0]!;
    const words = takesValue.has(flag) && !argv[i]!.includes('=') ? [argv[i]!, argv[++i] ?? ''] : [argv[i]!];
    if (shared.has(flag)) {
      out.checkins.push(...words);
      out.scheduler.push(...words);
      out.org.push(...words);
      out.plans.push(...words);
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

/** `--postgres` and `--database-url URL` as given, for the export bench. */
function sharedOf(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!.split('=', 1)[0]!;
    if (!shared.has(flag)) continue;
    out.push(args[i]!);
    if (takesValue.has(flag) && !args[i]!.includes('=')) out.push(args[++i] ?? '');
  }
  return out;
}

function run(script: string, args: string[], nodeFlags: string[] = []): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], { stdio: 'inherit' });
    child.once('close', (code) => resolve(code ?? 1));
  });
}

const argv = process.argv.slice(2);
// `--export-rows N` belongs to the export bench alone (as its `--rows`).
const exportArgs: string[] = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--export-rows') {
    exportArgs.push('--rows', argv[i + 1] ?? '');
    argv.splice(i--, 2);
  } else if (argv[i]!.startsWith('--export-rows=')) {
    exportArgs.push('--rows', argv[i]!.slice('--export-rows='.length));
    argv.splice(i--, 1);
  }
}
const { checkins, scheduler, org, plans } = route(argv);
const codes = [await run('bench/run.ts', checkins)];
process.stdout.write('\n');
codes.push(await run('bench/scheduler.ts', scheduler));
process.stdout.write('\n');
await run('bench/route.ts', []); // route order for 25 stops (issue 14); a missed target is reported, not fatal
process.stdout.write('\n');
// 建议计划 for a rep owning 2,000 customers beside the bare due-set query (issue 14): 10,000 customers
// on the embedded database, 100,000 with --postgres / --database-url / DATABASE_URL; reported, not fatal.
await run('bench/plan-suggest.ts', plans);
process.stdout.write('\n');
await run('bench/charts.ts', []); // a 30-person chart and the renderer's memory (issue 18); reported, not fatal
if (org.some((word) => word.startsWith('--org-size'))) {
  process.stdout.write('\n');
  codes.push(await run('bench/org.ts', org));
}
process.stdout.write('\n');
codes.push(await run('bench/exports.ts', [...exportArgs, ...sharedOf(argv), ...(org.includes('--embedded') ? ['--embedded'] : [])], ['--expose-gc']));
process.exit(codes.find((code) => code !== 0) ?? 0);
