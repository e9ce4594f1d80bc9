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
  DATABASE_PREPARED_STATEMENTS: z.preprocess(emptyAsUndefined, booleanFlag.default(true)),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.string().startsWith('redis').optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOCAL_CHAT: z.preprocess(emptyAsUndefined, booleanFlag.default(true)),
  LOCATION_LINK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
  LOCATION_LINK_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  PRIVACY_NOTICE_FILE: optionalString,
  // The company's text itself (a Worker has no files): `\n` stands for a line break where the
  // environment cannot hold one (an env file, a one-line `wrangler secret put`).
  PRIVACY_NOTICE_TEXT: z.preprocess(emptyAsUndefined, z.string().max(20_000).optional()),
  DATA_ENCRYPTION_KEY: optionalString,
  BACKUP_KEEP: z.coerce.number().int().min(0).max(365).default(7),
  DATA_ENCRYPTION_KEY_PREVIOUS: optionalString,
  LOCATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  DEFAULT_TIME_ZONE: z.string().default('Asia/Shanghai'),
  DEFAULT_LANGUAGE: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
  CHECKIN_RADIUS_METERS: z.coerce.number().int().min(10).max(10_000).default(500),
  REPORT_DEADLINE: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .default('20:00'),
  ADMIN_TOKEN: optionalString,

  // Slack (bots/slack): enabled when SLACK_BOT_TOKEN is set.
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SOCKET_MODE: z.preprocess(emptyAsUndefined, booleanFlag.default(false)),
  SLACK_API_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  SLACK_BOT_ID: optionalString,
  SLACK_BOT_USER_ID: optionalString,

  // DingTalk (bots/dingtalk): enabled when DINGTALK_CLIENT_ID is set.
  DINGTALK_CLIENT_ID: optionalString,
  DINGTALK_CLIENT_SECRET: optionalString,
  DINGTALK_ROBOT_CODE: optionalString,
  DINGTALK_MODE: z.preprocess(emptyAsUndefined, z.enum(['stream', 'http']).default('stream')),
  DINGTALK_API_URL: z.preprocess(emptyAsUndefined, z.url().default('https://api.dingtalk.com')),
  DINGTALK_GATEWAY_URL: z.preprocess(emptyAsUndefined, z.url().optional()),

  // WeCom (bots/wecom): enabled when WECOM_CORP_ID is set.
  WECOM_CORP_ID: optionalString,
  WECOM_AGENT_ID: optionalString,
  WECOM_SECRET: optionalString,
  WECOM_TOKEN: optionalString,
  WECOM_ENCODING_AES_KEY: z.preprocess(emptyAsUndefined, z.string().length(43).optional()),
  WECOM_API_URL: z.preprocess(emptyAsUndefined, z.url().default('https://qyapi.weixin.qq.com')),
  WECOM_LOCATION_SYSTEM: z.preprocess(emptyAsUndefined, z.enum(['gcj02', 'wgs84']).default('gcj02')),
  WECOM_MARKDOWN: z.preprocess(emptyAsUndefined, booleanFlag.default(true)),

  // Wechaty (bots/wechaty): enabled when WECHATY_PUPPET is set; the puppet reads its own variables.
  WECHATY_PUPPET: optionalString,
  WECHATY_PUPPET_SERVICE_TOKEN: optionalString,

  // Observability: GET /metrics asks for this bearer token when it is set.
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
});

export interface SlackConfig {
  signingSecret?: string;
  botToken: string;
  appToken?: string;
  socketMode: boolean;
  apiUrl?: string;
  botId?: string;
  botUserId?: string;
}

export interface DingTalkConfig {
  clientId: string;
  clientSecret: string;
  robotCode: string;
  mode: 'stream' | 'http';
  apiUrl: string;
  gatewayUrl?: string;
}

export interface WeComConfig {
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  apiUrl: string;
  locationSystem: 'gcj02' | 'wgs84';
  /** Digests and leaderboards to members as markdown (false: plain text, which WeCom's WeChat plugin also shows). */
  markdown: boolean;
}

export interface WechatyConfig {
  puppet: string;
  puppetToken?: string;
}

export type AppConfig = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl?: string;
  /** Prepare repeated statements on DATABASE_URL (off behind a transaction-mode pooler such as PgBouncer before 1.21). */
  databasePreparedStatements: boolean;
  redisUrl?: string;
  logLevel: string;
  localChat: boolean;
  locationLinkSecret?: string;
  locationLinkTtlMinutes: number;
  /** Days exact check-in coordinates are kept before housekeeping coarsens them to about 1 km. */
  locationRetentionDays: number;
  /** The company's own privacy text, shown on `/privacy` (`{lang}` in the path: one file per language). */
  privacyNoticeFile?: string;
  /** The company's own privacy text itself (PRIVACY_NOTICE_TEXT, one text for every language), for runtimes without files. */
  privacyNoticeText?: string;
  /** Seals credentials stored in the database (AES-256-GCM); absent: DATA_DIR/encryption.key, generated once. */
  dataEncryptionKey?: string;
  /** The key the secrets were sealed with before; set for one start to rotate to `dataEncryptionKey`. */
  dataEncryptionKeyPrevious?: string;
  /** Daily embedded-database backups kept under DATA_DIR/backups (0: none taken). */
  backupKeep: number;
  defaults: Readonly<{
    timeZone: string;
    language: 'zh-CN' | 'en-US';
    checkinRadiusMeters: number;
    reportDeadline: string;
  }>;
  adminToken?: string;
  /** Present only for the platforms that are configured. */
  slack?: Readonly<SlackConfig>;
  dingtalk?: Readonly<DingTalkConfig>;
  wecom?: Readonly<WeComConfig>;
  wechaty?: Readonly<WechatyConfig>;
  /** Bearer token `GET /metrics` requires; open when absent (keep it on a private network then). */
  metricsToken?: string;
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
  if (e.PRIVACY_NOTICE_FILE && e.PRIVACY_NOTICE_TEXT) {
    throw new ConfigError(['PRIVACY_NOTICE_TEXT: set either PRIVACY_NOTICE_FILE or PRIVACY_NOTICE_TEXT, not both']);
  }
  const platforms = parsePlatforms(e);
  return Object.freeze({
    ...platforms,
    env: e.NODE_ENV,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    localChat: e.LOCAL_CHAT,
    locationLinkSecret: e.LOCATION_LINK_SECRET,
    locationLinkTtlMinutes: e.LOCATION_LINK_TTL_MINUTES,
    locationRetentionDays: e.LOCATION_RETENTION_DAYS,
    privacyNoticeFile: e.PRIVACY_NOTICE_FILE,
    privacyNoticeText: e.PRIVACY_NOTICE_TEXT?.replaceAll('\\n', '\n').trim() || undefined,
    dataEncryptionKey: e.DATA_ENCRYPTION_KEY,
    dataEncryptionKeyPrevious: e.DATA_ENCRYPTION_KEY_PREVIOUS,
    backupKeep: e.BACKUP_KEEP,
    defaults: Object.freeze({
      timeZone: e.DEFAULT_TIME_ZONE,
      language: e.DEFAULT_LANGUAGE,
      checkinRadiusMeters: e.CHECKIN_RADIUS_METERS,
      reportDeadline: e.REPORT_DEADLINE,
    }),
    adminToken: e.ADMIN_TOKEN,
    metricsToken: e.METRICS_TOKEN,
  });
}

/** For entry points: the config, or the list of bad variables on stderr and exit code 2. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

type ParsedEnv = z.infer<typeof schema>;

/**
 * A platform is on when its identifying variable is set; then its other required variables must be
 * set too, or start-up fails naming them (a half-configured adapter would fail later, less clearly).
 */
function parsePlatforms(e: ParsedEnv): Pick<AppConfig, 'slack' | 'dingtalk' | 'wecom' | 'wechaty'> {
  const missing: string[] = [];
  const need = (name: keyof ParsedEnv, value: unknown) => {
    if (value === undefined) missing.push(`${name}: required when ${name.split('_')[0]} is enabled`);
    return value as string;
  };
  const result: { -readonly [K in 'slack' | 'dingtalk' | 'wecom' | 'wechaty']?: AppConfig[K] } = {};
  if (e.SLACK_BOT_TOKEN) {
    const slack: SlackConfig = {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SOCKET_MODE ? e.SLACK_SIGNING_SECRET : need('SLACK_SIGNING_SECRET', e.SLACK_SIGNING_SECRET),
      appToken: e.SLACK_SOCKET_MODE ? need('SLACK_APP_TOKEN', e.SLACK_APP_TOKEN) : e.SLACK_APP_TOKEN,
      socketMode: e.SLACK_SOCKET_MODE,
      apiUrl: e.SLACK_API_URL,
      botId: e.SLACK_BOT_ID,
      botUserId: e.SLACK_BOT_USER_ID,
    };
    result.slack = Object.freeze(slack);
  }
  if (e.DINGTALK_CLIENT_ID) {
    result.dingtalk = Object.freeze({
      clientId: e.DINGTALK_CLIENT_ID,
      clientSecret: need('DINGTALK_CLIENT_SECRET', e.DINGTALK_CLIENT_SECRET),
      // The robot code of an app robot is its client id unless configured otherwise.
      robotCode: e.DINGTALK_ROBOT_CODE ?? e.DINGTALK_CLIENT_ID,
      mode: e.DINGTALK_MODE,
      apiUrl: e.DINGTALK_API_URL.replace(/\/+$/, ''),
      gatewayUrl: e.DINGTALK_GATEWAY_URL,
    });
  }
  if (e.WECOM_CORP_ID) {
    result.wecom = Object.freeze({
      corpId: e.WECOM_CORP_ID,
      agentId: need('WECOM_AGENT_ID', e.WECOM_AGENT_ID),
      secret: need('WECOM_SECRET', e.WECOM_SECRET),
      token: need('WECOM_TOKEN', e.WECOM_TOKEN),
      encodingAesKey: need('WECOM_ENCODING_AES_KEY', e.WECOM_ENCODING_AES_KEY),
      apiUrl: e.WECOM_API_URL.replace(/\/+$/, ''),
      locationSystem: e.WECOM_LOCATION_SYSTEM,
      markdown: e.WECOM_MARKDOWN,
    });
  }
  if (e.WECHATY_PUPPET) {
    result.wechaty = Object.freeze({ puppet: e.WECHATY_PUPPET, puppetToken: e.WECHATY_PUPPET_SERVICE_TOKEN });
  }
  if (missing.length) throw new ConfigError(missing);
  return result;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
