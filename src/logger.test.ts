import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

describe('logger', () => {
  it('never writes tokens or secrets', () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const logger = createLogger('info', sink);
    logger.info({ request: { token: 'xoxb-secret-token', headers: { authorization: 'Bearer abc' } }, config: { adminToken: 'admin-123', databaseUrl: 'postgres://u:pw@h/db' } }, 'hello');
    logger.info({ dingtalk: { accessToken: 'acs-999', clientSecret: 'cs-1' } }, 'token refreshed');
    // Admin API bearer tokens, whichever way a header object spells the name.
    logger.info({ req: { headers: { Authorization: 'Bearer lw_api-1' } }, api: { headers: { Authorization: 'Bearer lw_api-2' } } }, 'api request');
    // The data encryption keys (issue 16) and the local backup token.
    logger.info({ config: { dataEncryptionKey: 'dek-new', dataEncryptionKeyPrevious: 'dek-old' }, backup: { backupToken: 'bk-1', dataKey: 'dk-1' } }, 'started');
    // A platform's config block logged whole, at the top or inside the app config.
    logger.info({ slack: { botToken: 'xoxb-bt', appToken: 'xapp-at', signingSecret: 'ss-1' }, config: { wecom: { secret: 'wc-s', token: 'wc-t', encodingAesKey: 'aes-k' }, wechaty: { puppetToken: 'pt-1' }, metricsToken: 'mt-1' } }, 'platforms');
    const out = lines.join('');
    for (const secret of ['xoxb-bt', 'xapp-at', 'ss-1', 'wc-s', 'wc-t', 'aes-k', 'pt-1', 'mt-1', 'xoxb-secret-token', 'Bearer abc', 'admin-123', 'u:pw', 'acs-999', 'cs-1', 'lw_api-1', 'lw_api-2', 'dek-new', 'dek-old', 'bk-1', 'dk-1']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });
});
