import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolve } from 'node:path';
import { runArchiveCommand, type ArchiveCommand } from './archive-command.ts';

/** What `npm run backup` / `npm run restore` print on stderr, and what their work was asked to do. */
let stderr: string;
let archives: string[];
const command = (run: ArchiveCommand['run'] = async (archive) => (archives.push(archive), 0)): ArchiveCommand => ({
  usage: 'usage: npm run backup -- <file.tar.gz>\n',
  onPostgres: 'DATABASE_URL is set: back PostgreSQL up with pg_dump (see the README).',
  run,
});
const embedded = { DATA_DIR: '/tmp/legwork-archive-test' };

beforeEach(() => {
  stderr = '';
  archives = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('the backup and restore commands', () => {
  it('show their usage, exit 2 and do nothing without an archive path or with --help', async () => {
    expect(await runArchiveCommand(command(), [], embedded)).toBe(2);
    expect(await runArchiveCommand(command(), ['b.tar.gz', '--help'], embedded)).toBe(2);
    expect(stderr).toBe('usage: npm run backup -- <file.tar.gz>\n'.repeat(2));
    expect(archives).toEqual([]);
  });

  it('refuse PostgreSQL (exit 2) and name the tool to use instead', async () => {
    expect(await runArchiveCommand(command(), ['b.tar.gz'], { ...embedded, DATABASE_URL: 'postgres://db/legwork' })).toBe(2);
    expect(stderr).toBe('DATABASE_URL is set: back PostgreSQL up with pg_dump (see the README).\n');
    expect(archives).toEqual([]);
  });

  it('list a configuration mistake and exit 2', async () => {
    expect(await runArchiveCommand(command(), ['b.tar.gz'], { ...embedded, PORT: 'eighty' })).toBe(2);
    expect(stderr).toMatch(/^Invalid configuration:\n {2}PORT: /u);
    expect(archives).toEqual([]);
  });

  it('run with the archive\'s absolute path and exit with the work\'s code', async () => {
    expect(await runArchiveCommand(command(), ['--verbose', 'backups/b.tar.gz'], embedded)).toBe(0);
    expect(archives).toEqual([resolve('backups/b.tar.gz')]);
    expect(stderr).toBe('');
  });

  it('say why the work failed and exit 1', async () => {
    const failing = command(async () => {
      throw new Error('/tmp/legwork-archive-test already holds a database');
    });
    expect(await runArchiveCommand(failing, ['b.tar.gz'], embedded)).toBe(1);
    expect(stderr).toBe('/tmp/legwork-archive-test already holds a database\n');
  });
});
