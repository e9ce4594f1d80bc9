import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../lib/child-service.ts';

const run = promisify(execFile);
const binDir = '/usr/lib/postgresql/15/bin';

/** Whether this machine can run a throwaway PostgreSQL cluster (Debian's PostgreSQL 15 binaries). */
export const hasPostgresBinaries = (): boolean => existsSync(join(binDir, 'initdb')) && existsSync(join(binDir, 'pg_ctl'));

/**
 * A PostgreSQL cluster of the chaos suite's own, in a temporary directory on a free port, so it can
 * be restarted and stopped at will (the shared server on 5432 is never touched). Run as the
 * `postgres` user when we are root, since PostgreSQL refuses to run as root.
 */
export class OwnPostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    /** Extra server settings (`name=value`), e.g. a larger shared_buffers for the org bench. */
    private readonly settings: readonly string[] = [],
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async start(options: { settings?: readonly string[]; fsync?: boolean } = {}): Promise<OwnPostgres> {
    const dir = await mkdtemp(join(tmpdir(), 'legwork-chaos-pg-'));
    if (process.getuid?.() === 0) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      await chown(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    await chmod(dir, 0o700);
    const cluster = new OwnPostgres(dir, await freePort(), [...(options.fsync === true ? [] : ['fsync=off']), ...(options.settings ?? [])]);
    await cluster.pg('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await cluster.ctl('start');
    return cluster;
  }

  /** `pg_ctl restart -m fast`: what `pg_ctlcluster … restart` does (sessions get 57P01). */
  async restart(): Promise<void> {
    await this.ctl('restart');
  }

  async stopServer(): Promise<void> {
    await this.pg('pg_ctl', ['-D', join(this.dir, 'data'), 'stop', '-m', 'fast', '-w']);
  }

  async startServer(): Promise<void> {
    await this.ctl('start');
  }

  /** Stops the server and deletes its files. */
  async destroy(): Promise<void> {
    await this.pg('pg_ctl', ['-D', join(this.dir, 'data'), 'stop', '-m', 'immediate', '-w']).catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }

  private async ctl(action: 'start' | 'restart'): Promise<void> {
    // fsync off unless asked for: the chaos suite tests the service's behaviour, not the disk; 200
    // connections for 5 processes.
    const options = [`-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, ...this.settings.map((s) => `-c ${s}`)].join(' ');
    await this.pg('pg_ctl', ['-D', join(this.dir, 'data'), '-o', options, '-l', join(this.dir, 'server.log'), action, '-m', 'fast', '-w', '-t', '60']);
  }

  private async pg(tool: string, args: string[]): Promise<void> {
    const command = join(binDir, tool);
    if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', command, ...args]);
    else await run(command, args);
  }
}
