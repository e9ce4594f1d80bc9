import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root, where `npm start` runs. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Memory and CPU of one process, read from /proc (Linux). */
export interface ProcessSample {
  /** Peak resident set size so far (VmHWM), MB. */
  peakRssMb: number;
  /** Current resident set size (VmRSS), MB. */
  rssMb: number;
  /** User + system CPU time consumed so far, seconds. */
  cpuSeconds: number;
}

export interface ChildService {
  pid: number;
  baseUrl: string;
  /** From spawn to the first 200 from /readyz (migrations included). */
  startupMs: number;
  sample(): Promise<ProcessSample>;
  /** SIGTERM and wait for the graceful shutdown (delivery loop finished, database closed). */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The tail of the child's stdout/stderr, for error messages. */
  output(): string;
}

/** `npm run build`: the compiled entry points `npm start` runs (scripts/build.mjs). */
async function buildService(): Promise<void> {
  const child = spawn(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`build failed (exit ${code}): ${stderr.trim()}`);
}

/**
 * The environment assignments, node flags and entry file of one of package.json's scripts (`start`
 * by default), so benches and the fault suite run the process exactly as `npm start` / `npm run
 * worker` do (its heap and malloc settings decide much of the peak memory).
 */
export async function startCommand(script: 'start' | 'worker' = 'start'): Promise<{ env: Record<string, string>; nodeArgs: string[]; entry: string }> {
  const manifest = JSON.parse(await readFile(`${repoRoot}package.json`, 'utf8')) as { scripts: Record<string, string> };
  const words = manifest.scripts[script]!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  if (words[0] !== 'node' || words.length < 2) throw new Error(`expected "[NAME=value …] node [flags] <entry>" as the ${script} script, found "${manifest.scripts[script]}"`);
  return { env, nodeArgs: words.slice(1, -1), entry: words.at(-1)! };
}

/** A port nobody listens on right now (the kernel picks it; closed again before the child binds it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const ticksPerSecond = 100; // USER_HZ: 100 on every Linux we run on (getconf CLK_TCK)

/**
 * Reads VmHWM/VmRSS from /proc/<pid>/status and utime+stime from /proc/<pid>/stat. VmHWM is the
 * kernel's own high-water mark of RSS, so a short spike between two samples is not missed.
 */
export async function sampleProcess(pid: number): Promise<ProcessSample> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(rest[11]);
  const stime = Number(rest[12]);
  return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024, cpuSeconds: (utime + stime) / ticksPerSecond };
}

/**
 * Builds and starts the real service (`node dist/main.js`, what `npm start` runs minus the npm
 * wrapper process) as a child, so its memory is its own and not mixed with the load generator's.
 */
export async function startService(options: {
  env: Record<string, string>;
  cpuProfDir?: string;
  readyTimeoutMs?: number;
}): Promise<ChildService> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  await buildService();
  const { env: startEnv, nodeArgs, entry } = await startCommand();
  const env: Record<string, string> = { ...inheritedEnv(), ...startEnv, ...options.env, PORT: String(port), PUBLIC_URL: `http://localhost:${port}` };
  if (options.cpuProfDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, entry], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });

  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-16_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  // If the bench itself dies, do not leave the service running (only this child, by its pid).
  const killOnExit = () => {
    if (!hasExited) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  try {
    await waitUntilReady(baseUrl, child, exited, options.readyTimeoutMs ?? 90_000);
  } catch (error) {
    if (!hasExited) child.kill('SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- service output ---\n${tail}`);
  }
  const startupMs = performance.now() - started;
  const pid = child.pid!;

  return {
    pid,
    baseUrl,
    startupMs,
    sample: () => sampleProcess(pid),
    async stop() {
      if (!hasExited) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const result = await exited;
      clearTimeout(timer);
      process.removeListener('exit', killOnExit);
      return result;
    },
    output: () => tail,
  };
}

/** The bench's environment minus what would change the service's back ends behind our back. */
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (['DATABASE_URL', 'REDIS_URL', 'DATA_DIR', 'PORT', 'PUBLIC_URL', 'LOCAL_CHAT', 'NODE_OPTIONS'].includes(key)) continue;
    env[key] = value;
  }
  return env;
}

async function waitUntilReady(
  baseUrl: string,
  child: ChildProcess,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let failed: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void exited.then((r) => (failed = r));
  while (Date.now() < deadline) {
    if (failed) throw new Error(`service exited before it was ready (code ${failed.code}, signal ${failed.signal})`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`service (pid ${child.pid}) not ready at ${baseUrl}/readyz after ${timeoutMs} ms`);
}
