import type { Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';

/**
 * Bolt, the Web API client and the Socket Mode client log through this, into our pino logger (which
 * redacts token and secret fields). Their debug output includes whole payloads, so it stays at debug;
 * the level is ours to set, not theirs.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack-sdk' });
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...messages: unknown[]) => {
    const [first, ...rest] = messages;
    if (first instanceof Error) child[level]({ err: first }, rest.map(String).join(' ') || first.message);
    else child[level](messages.map((m) => (typeof m === 'string' ? m : safeJson(m))).join(' '));
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => undefined,
    getLevel: () => toBoltLevel(child.level),
    setName: () => undefined,
  };
}

function toBoltLevel(level: string): LogLevel {
  if (level === 'trace' || level === 'debug') return 'debug' as LogLevel;
  if (level === 'info') return 'info' as LogLevel;
  if (level === 'warn') return 'warn' as LogLevel;
  return 'error' as LogLevel;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
