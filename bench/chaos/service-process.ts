import { spawn } from 'node:child_process';
import { freePort, repoRoot, startCommand } from '../lib/child-service.ts';

export type ProcessKind = 'web' | 'worker';

/** One `npm start` (web) or `npm run worker` process, as the compiled entry runs it. */
export interface ServiceProcess {
  kind: ProcessKind;
  pid: number;
  /** `http://127.0.0.1:<port>` for web processes. */
  baseUrl?: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM and wait (SIGKILL after 20 s). */
  stop(): Promise<void>;
  output(): string;
}

/** `node scripts/build.mjs` once: what `prestart` / `preworker` do. */
export async function buildDist(): Promise<void> {
  const child = spawn(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`build failed (exit ${code}): ${stderr.trim()}`);
}


/**
 * Starts a web or worker process on the given back ends and waits until it is up (web: `/readyz`
 * 200; worker: its "worker running" log line). The child is killed if the suite itself exits.
 */
export async function startProcess(kind: ProcessKind, env: Record<string, string>, options: { port?: number; readyTimeoutMs?: number } = {}): Promise<ServiceProcess> {
  // A free port is only free when it was probed: another program (a test suite running beside this
  // one) may take it before the child listens. Such a start is not a fault of the service: try again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(kind, env, options);
    } catch (error) {
      const portTaken = error instanceof Error && error.message.includes('EADDRINUSE');
      if (!portTaken || attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function startOnce(kind: ProcessKind, env: Record<string, string>, options: { port?: number; readyTimeoutMs?: number }): Promise<ServiceProcess> {
  const port = kind === 'web' ? (options.port ?? (await freePort())) : undefined;
  // As `npm start` / `npm run worker` run it: the script's own variables (malloc settings), flags and entry.
  const command = await startCommand(kind === 'web' ? 'start' : 'worker');
  const childEnv: Record<string, string> = { ...cleanEnv(), ...command.env, LOG_LEVEL: 'info', ...env };
  if (port) Object.assign(childEnv, { PORT: String(port), PUBLIC_URL: `http://localhost:${port}` });
  const child = spawn(process.execPath, [...command.nodeArgs, command.entry], { cwd: repoRoot, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  let workerRunning = false;
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (text.includes('Legwork worker running')) workerRunning = true;
    tail = (tail + text).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    }),
  );
  const killOnExit = () => {
    if (!done) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));

  const baseUrl = port ? `http://127.0.0.1:${port}` : undefined;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  for (;;) {
    if (done) throw new Error(`${kind} process exited before it was ready\n${tail}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${kind} process not ready in time\n${tail}`);
    }
    if (baseUrl ? await answers200(`${baseUrl}/readyz`) : workerRunning) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    kind,
    pid: child.pid!,
    baseUrl,
    exited,
    hasExited: () => done,
    kill: (signal) => void (done || child.kill(signal)),
    async stop() {
      if (done) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
    output: () => tail,
  };
}

export async function answers200(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/** The suite's environment minus what would point the service at other back ends. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || ['DATABASE_URL', 'REDIS_URL', 'DATA_DIR', 'PORT', 'PUBLIC_URL', 'NODE_OPTIONS', 'LOG_LEVEL'].includes(key)) continue;
    if (key.startsWith('SLACK_') || key.startsWith('DINGTALK_') || key.startsWith('WECOM_') || key.startsWith('WECHATY_') || key.startsWith('VITEST')) continue;
    env[key] = value;
  }
  return env;
}
