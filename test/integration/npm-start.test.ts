import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/lib/child-service.ts';

/**
 * The README's first command, as an admin runs it on a fresh machine: `npm start` with no
 * configuration builds, creates the embedded database, serves the web chat's API, keeps what it
 * stored across a restart and stops cleanly on SIGTERM. Always on the embedded default: that is
 * what the command starts (DATABASE_URL / REDIS_URL of the test run are not passed on).
 */
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Started {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

async function npmStart(dataDir: string): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'PUBLIC_URL', 'LOCAL_CHAT', 'NODE_OPTIONS']) delete env[key];
  // Its own process group, so the signal reaches node behind npm's wrapper.
  const child = spawn('npm', ['start', '--silent'], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited early (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${baseUrl}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { child, baseUrl, output: () => output };
    if (Date.now() > deadline) throw new Error(`npm start not ready after 120 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * SIGTERM to the group (npm and node), as a service manager stops it; resolves with what the service
 * logged once every process holding its output has exited. npm itself dies of the signal, so its
 * exit code says nothing: the service's own "stopped" line (after the database closed) does.
 */
async function stop(started: Started): Promise<string> {
  const closed = new Promise<void>((resolve) => started.child.once('close', () => resolve()));
  process.kill(-started.child.pid!, 'SIGTERM');
  await closed;
  return started.output();
}

async function inbox(baseUrl: string, userId: string): Promise<string[]> {
  const res = await fetch(`${baseUrl}/local/inbox/${userId}`);
  return ((await res.json()) as Array<{ text: string }>).map((m) => m.text);
}

async function waitForInbox(baseUrl: string, userId: string, count: number): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const texts = await inbox(baseUrl, userId);
    if (texts.length >= count || Date.now() > deadline) return texts;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start on a fresh machine', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('starts with no configuration, answers in the web chat, keeps its data across a restart and stops on SIGTERM', async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), 'legwork-start-')), 'data');
    dirs.push(dataDir);

    const first = await npmStart(dataDir);
    const posted = await fetch(`${first.baseUrl}/local/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'first-message', userId: 'wang', text: '新客户 华为 22.54,113.95' }),
    });
    expect(posted.status).toBe(202);
    const replies = await waitForInbox(first.baseUrl, 'wang', 2);
    expect(replies.join('\n')).toContain('华为');
    // Both lines, in either order: they reach the pipe through the logger's asynchronous writes.
    const firstLog = await stop(first);
    expect(firstLog).toContain('"msg":"shutting down"');
    expect(firstLog).toContain('"msg":"stopped"');

    const second = await npmStart(dataDir);
    // The same message again is a redelivery: nothing new happens, the earlier replies are still there.
    const again = await fetch(`${second.baseUrl}/local/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'first-message', userId: 'wang', text: '新客户 华为 22.54,113.95' }),
    });
    expect(((await again.json()) as { duplicate: boolean }).duplicate).toBe(true);
    expect(await inbox(second.baseUrl, 'wang')).toEqual(replies);
    expect(await stop(second)).toContain('"msg":"stopped"');
  });
});
