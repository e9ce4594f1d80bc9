import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsoleLogger } from './console-logger.ts';

describe('the Worker logger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes one JSON line per entry with bindings, fields and message, secrets blanked', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void lines.push(line));
    const logger = createConsoleLogger('info').child({ platform: 'slack' });
    logger.warn({ config: { signingSecret: 'abc', databaseUrl: 'postgres://u:p@h/db', dataEncryptionKey: 'dek' }, headers: { authorization: 'Bearer x' }, reason: 'stale' }, 'rejected');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'warn', platform: 'slack', reason: 'stale', msg: 'rejected' });
    expect(entry.config).toEqual({ signingSecret: '[redacted]', databaseUrl: '[redacted]', dataEncryptionKey: '[redacted]' });
    expect(entry.headers.authorization).toBe('[redacted]');
    logger.warn({ slack: { botToken: 'xoxb-1', appToken: 'xapp-1' }, wecom: { encodingAesKey: 'aes' } }, 'platform config');
    expect(JSON.parse(lines[1]!)).toMatchObject({ slack: { botToken: '[redacted]', appToken: '[redacted]' }, wecom: { encodingAesKey: '[redacted]' } });
  });

  it('keeps below-level and silent entries out, and serialises errors', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    createConsoleLogger('warn').info('not shown');
    createConsoleLogger('silent').error('not shown either');
    expect(log).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    createConsoleLogger('info').error({ err: new Error('boom') }, 'failed');
    expect(JSON.parse(error.mock.calls[0]![0] as string).err).toMatchObject({ type: 'Error', message: 'boom' });
  });
});
