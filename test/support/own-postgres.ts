import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../bench/lib/child-service.ts';

const run = promisify(execFile);

/** Where Debian puts PostgreSQL 15's server binaries (CI installs them there too). */
export const postgresBinDir = '/usr/lib/postgresql/15/bin';

/** Why the own-cluster tests cannot run here, or undefined when they can. */
export function ownPostgresMissing(): string | undefined {
  if (!existsSync(join(postgresBinDir, 'initdb')) || !existsSync(join(postgresBinDir, 'pg_ctl'))) {
    return `PostgreSQL server binaries not found in ${postgresBinDir}`;
  }
  return undefined;
}

/**
 * A throwaway PostgreSQL cluster of the test's own (initdb into a temporary directory, its own port),
 * so a test can stop and restart it without touching the shared server. PostgreSQL refuses to run as
 * root: when the tests run as root, the cluster runs as the `postgres` system user.
 */
export interface OwnPostgres {
  url: string;
  port: number;
  /** Fast shutdown: open sessions are terminated (57P01), as `pg_ctlcluster … restart` does. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and deletes its files. */
  destroy(): Promise<void>;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = await mkdtemp(join(tmpdir(), 'legwork-own-pg-'));
  const dataDir = join(dir, 'data');
  const asPostgres = userInfo().uid === 0 ? await postgresUser() : undefined;
  if (asPostgres) await chown(dir, asPostgres.uid, asPostgres.gid);
  const port = await freePort();
  const options = { ...(asPostgres ?? {}), env: { ...process.env, LC_ALL: 'C' } };
  const tool = (name: string, args: string[]) => run(join(postgresBinDir, name), args, options);
  await tool('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=40`;
  const start = async () => {
    await tool('pg_ctl', ['-D', dataDir, '-o', serverOptions, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  };
  const stop = async () => {
    await tool('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  };
  await start();
  let running = true;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await stop();
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const { stdout } = await run('id', ['postgres']);
  const uid = /uid=(\d+)/.exec(stdout)?.[1];
  const gid = /gid=(\d+)/.exec(stdout)?.[1];
  if (!uid || !gid) throw new Error('tests run as root but there is no `postgres` user to run PostgreSQL as');
  return { uid: Number(uid), gid: Number(gid) };
}
