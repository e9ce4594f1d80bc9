import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Creates a new embedded database (PGlite's initdb) in a short-lived child process.
 *
 * Why a child: initdb runs a second PostgreSQL inside WebAssembly and grows the process to about
 * 780 MB; WebAssembly memory never shrinks, so a service that created its database itself would stay
 * at that size until restarted (measured in `npm run bench`, "first start"). The child exits and
 * takes that memory with it; the service then opens the finished database like any later start.
 */
export async function createEmbeddedDatabaseIfMissing(dataDir: string, settings: readonly string[]): Promise<void> {
  if (await exists(join(dataDir, 'PG_VERSION'))) return;
  const pgliteUrl = import.meta.resolve('@electric-sql/pglite');
  const script = `
    const { PGlite } = await import(process.env.LEGWORK_PGLITE_URL);
    const db = await PGlite.create(process.env.LEGWORK_DATA_DIR, { postgresqlconf: JSON.parse(process.env.LEGWORK_PG_SETTINGS) });
    await db.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, LEGWORK_PGLITE_URL: pgliteUrl, LEGWORK_DATA_DIR: dataDir, LEGWORK_PG_SETTINGS: JSON.stringify(settings) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`creating the embedded database in ${dataDir} failed (exit ${code}): ${stderr.trim()}`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
