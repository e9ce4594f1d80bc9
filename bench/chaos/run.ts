/**
 * `npm run chaos [-- --short] [--case <name>[,<name>…]]`: the fault suite against the real service
 * (compiled `npm start` / `npm run worker` processes on a PostgreSQL and Redis of its own), driven as
 * platforms drive it. Prints per case: messages sent / acknowledged / stored / answered / lost /
 * duplicated and the time to recover. Exit code 1 when a case misses an expectation.
 */
import { allCases } from './cases/index.ts';
import { formatReport, missingTools, runCases } from './run-cases.ts';

const args = process.argv.slice(2);
const short = args.includes('--short');
const caseArg = args[args.indexOf('--case') + 1];
const names = args.includes('--case') && caseArg ? caseArg.split(',') : undefined;
const unknown = names?.filter((n) => !allCases.some((c) => c.name === n)) ?? [];
if (unknown.length) {
  process.stderr.write(`unknown case ${unknown.join(', ')}; cases: ${allCases.map((c) => c.name).join(', ')}\n`);
  process.exit(2);
}
const cases = names ? allCases.filter((c) => names.includes(c.name)) : allCases;
const missing = missingTools(cases);
if (missing.length) {
  process.stderr.write(`npm run chaos needs: ${missing.join('; ')}\n`);
  process.exit(2);
}
const results = await runCases(cases, { short });
process.stdout.write(`\n${formatReport(results)}\n`);
process.exit(results.some((r) => r.failures.length) ? 1 : 0);
