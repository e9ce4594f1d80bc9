import { z } from 'zod';

/**
 * Every setting Legwork reads from the environment, parsed once. Nothing else reads `process.env`.
 * Keep this list and the README's configuration table in step.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['true', '1', 'on', 'yes'].includes(v));

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().startsWith('postgres').optional()),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.string().startsWith('redis').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOCAL_CHAT: z.preprocess(emptyAsUndefined, booleanFlag.default(true)),
  LOCATION_LINK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
  LOCATION_LINK_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  DEFAULT_TIME_ZONE: z.string().default('Asia/Shanghai'),
  DEFAULT_LANGUAGE: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
  CHECKIN_RADIUS_METERS: z.coerce.number().int().min(10).max(10_000).default(500),
  REPORT_DEADLINE: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .default('20:00'),
  ADMIN_TOKEN: optionalString,
});

export type AppConfig = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  logLevel: string;
  localChat: boolean;
  locationLinkSecret?: string;
  locationLinkTtlMinutes: number;
  defaults: Readonly<{
    timeZone: string;
    language: 'zh-CN' | 'en-US';
    checkinRadiusMeters: number;
    reportDeadline: string;
  }>;
  adminToken?: string;
}>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment into a frozen config; throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if (!isTimeZone(e.DEFAULT_TIME_ZONE)) {
    throw new ConfigError([`DEFAULT_TIME_ZONE: unknown IANA time zone "${e.DEFAULT_TIME_ZONE}"`]);
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    localChat: e.LOCAL_CHAT,
    locationLinkSecret: e.LOCATION_LINK_SECRET,
    locationLinkTtlMinutes: e.LOCATION_LINK_TTL_MINUTES,
    defaults: Object.freeze({
      timeZone: e.DEFAULT_TIME_ZONE,
      language: e.DEFAULT_LANGUAGE,
      checkinRadiusMeters: e.CHECKIN_RADIUS_METERS,
      reportDeadline: e.REPORT_DEADLINE,
    }),
    adminToken: e.ADMIN_TOKEN,
  });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
