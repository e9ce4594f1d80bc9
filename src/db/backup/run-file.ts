import { randomBytes } from 'node:crypto';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * `DATA_DIR/legwork.run` (0600) says that a Legwork process has the embedded database open, on which
 * port, and the token its backup route takes. `npm run backup` reads it to ask that process for a
 * copy instead of opening the files a second time (which would corrupt them). Only someone who can
 * read DATA_DIR (the database files themselves) can read the token.
 */
export interface RunFile {
  pid: number;
  port: number;
  backupToken: string;
}

const runFileOf = (dataDir: string) => join(dataDir, 'legwork.run');

export function newBackupToken(): string {
  return randomBytes(24).toString('base64url');
}

export async function writeRunFile(dataDir: string, run: RunFile): Promise<void> {
  await writeFile(runFileOf(dataDir), JSON.stringify(run), { mode: 0o600 });
}

export async function removeRunFile(dataDir: string): Promise<void> {
  await unlink(runFileOf(dataDir)).catch(() => undefined);
}

/** The running process's run file, or undefined when none is left or its process is gone. */
export async function readRunFile(dataDir: string): Promise<RunFile | undefined> {
  let run: RunFile;
  try {
    run = JSON.parse(await readFile(runFileOf(dataDir), 'utf8')) as RunFile;
  } catch {
    return undefined;
  }
  try {
    process.kill(run.pid, 0);
    return run;
  } catch (error) {
    // EPERM: alive, but another user's; ESRCH: gone (a crash left the file behind).
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? run : undefined;
  }
}
