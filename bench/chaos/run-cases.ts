import { hasPostgresBinaries, OwnPostgres } from './own-postgres.ts';
import { OwnRedis, redisServerBinary } from './own-redis.ts';
import { buildDist } from './service-process.ts';
import { seconds, type CaseResult, type ChaosCase } from './stack.ts';

/** What is missing on this machine for the suite (empty when it can run). */
export function missingTools(cases: readonly ChaosCase[]): string[] {
  const missing: string[] = [];
  if (!hasPostgresBinaries()) missing.push('PostgreSQL 15 binaries (/usr/lib/postgresql/15/bin: apt-get install postgresql-15)');
  if (cases.some((c) => c.needsRedis) && !redisServerBinary()) missing.push('redis-server (apt-get install redis-server)');
  return missing;
}

/**
 * Builds dist/, starts the suite's own PostgreSQL (and Redis when a case needs it), runs the cases
 * one after another and tears everything down, whatever happens.
 */
export async function runCases(cases: readonly ChaosCase[], options: { short: boolean; log?: (line: string) => void }): Promise<CaseResult[]> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  await buildDist();
  const pg = await OwnPostgres.start();
  const redis = cases.some((c) => c.needsRedis) ? await OwnRedis.start() : undefined;
  const results: CaseResult[] = [];
  try {
    for (const chaosCase of cases) {
      log(`— ${chaosCase.name}`);
      const started = performance.now();
      const result = await chaosCase.run({ pg, redis, short: options.short, log: (line) => log(`  ${line}`) }).catch(
        (error: unknown): CaseResult => ({
          name: chaosCase.name,
          tally: { sent: 0, acked: 0, stored: 0, answered: 0, lost: 0, duplicated: 0 },
          recoverWhat: '',
          notes: [],
          failures: [`the case itself failed: ${error instanceof Error ? error.stack : String(error)}`],
        }),
      );
      log(`  ${formatRow(result)} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      results.push(result);
    }
  } finally {
    await redis?.destroy();
    await pg.destroy();
  }
  return results;
}

const header = ['case', 'sent', 'acked', 'stored', 'answered', 'lost', 'dup', 'recover', 'result'];

function cells(r: CaseResult): string[] {
  const t = r.tally;
  return [r.name, t.sent, t.acked, t.stored, t.answered, t.lost, t.duplicated, seconds(r.recoverMs), r.failures.length ? 'FAIL' : 'ok'].map(String);
}

export function formatRow(r: CaseResult): string {
  return header.map((h, i) => `${h} ${cells(r)[i]}`).join(' · ');
}

/** The per-case table, then what each recovery figure measures, notes, and every missed expectation. */
export function formatReport(results: CaseResult[]): string {
  const rows = [header, ...results.map(cells)];
  const widths = header.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  for (const r of results) {
    lines.push('', `${r.name}: recover = ${r.recoverWhat || '—'}`);
    for (const note of r.notes) lines.push(`  ${note}`);
    for (const failure of r.failures) lines.push(`  FAIL: ${failure}`);
  }
  return lines.join('\n');
}
