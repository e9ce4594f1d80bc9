// Adds up vitest JSON reports and prints the line CI reads: "N passed, N failed, N skipped".
// Exits non-zero when a report is missing, anything failed, or no test ran at all.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0, missing = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) { missing++; console.error(`missing test report: ${file}`); continue; }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  const fileFailed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  // A report that says it failed without a failing test (a file that did not load) still counts.
  failed += report.success === false && fileFailed === 0 ? 1 : fileFailed;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(missing > 0 || failed > 0 || passed === 0 ? 1 : 0);
