import { resolve } from 'node:path';
import { ConfigError, loadConfig, type AppConfig } from '../config.ts';

/** One of the embedded database's archive commands: `npm run backup` or `npm run restore`. */
export interface ArchiveCommand {
  /** Printed for `--help` or a missing archive path. */
  usage: string;
  /** Said when DATABASE_URL is set: these commands handle the embedded database only. */
  onPostgres: string;
  /** The work, given the archive's absolute path; resolves to the exit code. */
  run: (archive: string, config: AppConfig) => Promise<number>;
}

/**
 * What `npm run backup -- <file.tar.gz>` and `npm run restore -- <file.tar.gz>` share: one archive path
 * (no path or `--help`: the usage), the embedded database only, and the exit code: 0 done, 2 a usage
 * or configuration mistake, 1 a failure (its message on stderr, nothing else).
 */
export async function runArchiveCommand(command: ArchiveCommand, argv: readonly string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const archive = argv.find((a) => !a.startsWith('-'));
  if (!archive || argv.includes('--help')) {
    process.stderr.write(command.usage);
    return 2;
  }
  try {
    const config = loadConfig(env);
    if (config.databaseUrl) {
      process.stderr.write(`${command.onPostgres}\n`);
      return 2;
    }
    return await command.run(resolve(archive), config);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof ConfigError ? 2 : 1;
  }
}
