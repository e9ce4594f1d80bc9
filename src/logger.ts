import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Paths pino blanks before anything is written. Tokens, secrets and signed links must never reach
 * a log file: platform credentials would be reusable by anyone who reads the logs.
 */
export const redactedPaths = [
  '*.token',
  '*.accessToken',
  '*.access_token',
  '*.secret',
  '*.clientSecret',
  '*.signingSecret',
  // The platforms' credentials as config.ts names them (a platform's config block logged whole).
  '*.botToken',
  '*.appToken',
  '*.encodingAesKey',
  '*.puppetToken',
  '*.metricsToken',
  '*.*.botToken',
  '*.*.appToken',
  '*.*.signingSecret',
  '*.*.clientSecret',
  '*.*.secret',
  '*.*.token',
  '*.*.encodingAesKey',
  '*.*.puppetToken',
  '*.password',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.Authorization',
  '*.bearer',
  '*.headers["x-acs-dingtalk-access-token"]',
  '*.config.locationLinkSecret',
  '*.config.adminToken',
  '*.config.databaseUrl',
  '*.config.dataEncryptionKey',
  '*.config.dataEncryptionKeyPrevious',
  '*.dataKey',
  '*.backupToken',
  'config.locationLinkSecret',
  'config.adminToken',
  'config.databaseUrl',
  'config.dataEncryptionKey',
  'config.dataEncryptionKeyPrevious',
  'req.headers.authorization',
  'req.headers.Authorization',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
}
