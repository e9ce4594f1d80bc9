import type { Logger } from '../logger.ts';

const levels = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;
type LevelName = keyof typeof levels;

/** Keys blanked at any depth: the same secrets `redactedPaths` in src/logger.ts keeps out of Node logs. */
const secretKeys = new Set([
  'token', 'accesstoken', 'access_token', 'secret', 'clientsecret', 'signingsecret', 'password', 'authorization',
  'x-acs-dingtalk-access-token', 'locationlinksecret', 'admintoken', 'databaseurl',
  'dataencryptionkey', 'dataencryptionkeyprevious', 'datakey', 'backuptoken',
  // The platforms' credentials as config.ts names them.
  'bottoken', 'apptoken', 'encodingaeskey', 'puppettoken', 'metricstoken',
]);

function clean(value: unknown, depth = 0): unknown {
  if (value instanceof Error) {
    return { type: value.name, message: value.message, stack: value.stack, ...(value.cause ? { cause: clean(value.cause, depth + 1) } : {}) };
  }
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = secretKeys.has(key.toLowerCase()) ? '[redacted]' : clean(v, depth + 1);
  return out;
}

/**
 * The Worker's logger: pino's calling convention (`logger.info({ ...fields }, 'message')`) written as
 * one JSON line per entry to `console`, which Workers Logs and `wrangler tail` collect. pino itself
 * writes through Node streams and worker-thread transports, which the Worker bundle leaves out.
 */
export function createConsoleLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  const threshold = level === 'silent' ? Infinity : (levels[level as LevelName] ?? levels.info);
  const write = (name: LevelName) => (first?: unknown, ...rest: unknown[]) => {
    if (levels[name] < threshold) return;
    const fields = typeof first === 'object' && first !== null ? (first instanceof Error ? { err: first } : first) : {};
    const msg = typeof first === 'string' ? first : typeof rest[0] === 'string' ? rest[0] : undefined;
    const line = JSON.stringify({ level: name, time: Date.now(), ...(clean(bindings) as object), ...(clean(fields) as object), ...(msg ? { msg } : {}) });
    if (levels[name] >= levels.error) console.error(line);
    else if (levels[name] >= levels.warn) console.warn(line);
    else console.log(line);
  };
  const logger = {
    level,
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    fatal: write('fatal'),
    silent: () => undefined,
    isLevelEnabled: (name: string) => (levels[name as LevelName] ?? Infinity) >= threshold,
    child: (more: Record<string, unknown>) => createConsoleLogger(level, { ...bindings, ...more }),
  };
  // The engine, adapters and jobs call only the methods above; the cast spares pino's full surface.
  return logger as unknown as Logger;
}
