import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseIntent } from './parse-intent.ts';
import type { CommandName, Intent } from './types.ts';

const KINDS = new Set<Intent['kind']>([
  'help', 'checkIn', 'checkOut', 'visitNote', 'report', 'today', 'showCustomer', 'newCustomer',
  'createTeam', 'joinTeam', 'bindTeam', 'setTimeZone', 'setLanguage', 'choose', 'usage', 'freeText',
  'leaderboard', 'leaderboardOptOut', 'away', 'back', 'teamOverview', 'reminderSwitch',
  'showSettings', 'setWorkdays', 'listHolidays', 'changeHolidays', 'setQuietHours', 'setScheduleTime',
  'teamDay', 'greeting',
]);
const COMMAND_NAMES = new Set<CommandName>([
  'checkIn', 'checkOut', 'visitNote', 'report', 'showCustomer', 'newCustomer',
  'createTeam', 'joinTeam', 'bindTeam', 'setTimeZone', 'setLanguage', 'leaderboard', 'away', 'reminderSwitch',
  'workdays', 'holidays', 'quietHours', 'reportReminder', 'dailyDigest',
]);

/** Required text fields are non-empty and trimmed; optional ones, when present, too. */
function expectText(value: unknown): void {
  expect(typeof value).toBe('string');
  expect(value).not.toBe('');
  expect((value as string).trim()).toBe(value);
}

function expectValidIntent(intent: Intent): void {
  expect(KINDS.has(intent.kind)).toBe(true);
  if (intent.kind === 'teamDay') for (const field of [intent.person, intent.when].filter((f) => f !== undefined)) expectText(field);
  switch (intent.kind) {
    case 'checkIn':
    case 'newCustomer':
      if (intent.kind === 'checkIn' && 'customer' in intent) expectText(intent.customer);
      if (intent.kind === 'newCustomer') expectText(intent.name);
      if ('coordinates' in intent) {
        expect(typeof intent.coordinates?.lat).toBe('number');
        expect(typeof intent.coordinates?.lng).toBe('number');
      }
      break;
    case 'checkOut':
      if ('notes' in intent) expectText(intent.notes);
      break;
    case 'visitNote':
      expectText(intent.customer);
      expectText(intent.notes);
      if ('nextStep' in intent) expectText(intent.nextStep);
      if ('followUp' in intent) expectText(intent.followUp);
      break;
    case 'report':
      if ('text' in intent) expectText(intent.text);
      break;
    case 'showCustomer':
    case 'createTeam':
    case 'joinTeam':
    case 'bindTeam':
      expectText(intent.name);
      break;
    case 'setTimeZone':
      expectText(intent.zone);
      break;
    case 'setLanguage':
      expect(['zh-CN', 'en-US']).toContain(intent.language);
      break;
    case 'setWorkdays':
      expectText(intent.days);
      break;
    case 'changeHolidays':
      expectText(intent.from);
      if ('to' in intent) expectText(intent.to);
      break;
    case 'setQuietHours':
      if (intent.window !== null) expectText(intent.window);
      break;
    case 'setScheduleTime':
      if (intent.time !== null) expectText(intent.time);
      break;
    case 'choose':
      expect(Number.isInteger(intent.index)).toBe(true);
      expect(intent.index).toBeGreaterThanOrEqual(1);
      expect(intent.index).toBeLessThanOrEqual(99);
      break;
    case 'usage':
      expect(COMMAND_NAMES.has(intent.command)).toBe(true);
      break;
    case 'freeText':
      expect(typeof intent.text).toBe('string');
      expect(intent.text.trim()).toBe(intent.text);
      break;
  }
}

/** Any code point, lone surrogates included (chat platforms do send broken UTF-16). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
const anyUnicode = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: anyCodePoint, maxLength: 60 }),
);

const WORDS = [
  '帮助', 'help', '?', '？', '签到', '签退', 'checkin', 'check in', 'check-out', '拜访', 'visit', '日报',
  'report', 'daily report', '今天', 'today', '客户', 'customer', '新客户', 'new customer', '创建团队',
  'team create', 'create team', '加入团队', 'join', 'join team', '绑定团队', 'bind', '设置时区', '时区',
  'timezone', 'tz', '语言', 'language', '/', '/legwork', 'legwork', '@Legwork ', '@机器人 ', '#', '第',
  '设置', 'settings', '工作日', 'workdays', '节假日', 'holiday', 'add', '添加', '删除', '免打扰', 'quiet',
  '日报提醒', 'report reminder', '摘要时间', 'digest time', '全公司', 'org', '团队', 'team',
];
const PIECES = [
  ' ', '　', '\n', ':', '：', ';', '；', ',', '，', '。', '、', '.', '-', '+', 'NaN', 'Infinity', '1', '22.5',
  '113.9', '下一步', '跟进', '跟进日期', 'next:', 'next step:', 'follow up:', 'follow-up:', '个', 'Acme',
  '华为', 'zh', 'en', '中文', 'English', 'Asia/Shanghai', 'constructor', '__proto__',
  '周一', '至', 'mon', '-', '~', '22:00', '10月1日', '2026-10-01', 'to', 'off', '关',
];
/** Messages that look like commands, to reach the argument parsers rather than only free text. */
const commandLike = fc
  .tuple(
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }),
    fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: 12 }),
  )
  .map(([words, pieces]) => words.join(' ') + pieces.join(''));

/** ASCII → full-width forms, which NFKC maps back: what a phone IME in full-width mode produces. */
const toFullWidth = (text: string) =>
  text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

const WHITESPACE = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u3000', '\u00a0'), maxLength: 3 });

describe('parseIntent (properties)', () => {
  it('never throws on arbitrary unicode and always returns a well-formed intent', () => {
    fc.assert(
      fc.property(anyUnicode, (text) => {
        expectValidIntent(parseIntent(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on command-like input and always returns a well-formed intent', () => {
    fc.assert(
      fc.property(commandLike, (text) => {
        expectValidIntent(parseIntent(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('ignores surrounding whitespace', () => {
    fc.assert(
      fc.property(fc.oneof(commandLike, anyUnicode), WHITESPACE, WHITESPACE, (text, before, after) => {
        expect(parseIntent(before + text + after)).toStrictEqual(parseIntent(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads full-width input like half-width input (prose fields keep the characters typed)', () => {
    const asciiCommand = commandLike.filter((text) => /^[\x20-\x7e]*$/.test(text));
    const folded = (intent: unknown) => JSON.parse(JSON.stringify(intent), (_key, value: unknown) => (typeof value === 'string' ? value.normalize('NFKC') : value));
    fc.assert(
      fc.property(fc.oneof(asciiCommand, fc.string({ maxLength: 40 })), (text) => {
        expect(folded(parseIntent(toFullWidth(text)))).toStrictEqual(parseIntent(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads any typed decimal coordinate pair after a customer name', () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.nat(999), fc.option(fc.nat(999_999), { nil: undefined }))
      .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    const customer = fc.constantFrom('华为', 'Acme', 'Acme Corp', '腾讯 深圳');
    const comma = fc.constantFrom(',', ', ', ' , ', '，', '， ');
    fc.assert(
      fc.property(fc.constantFrom('签到', 'checkin', 'check in', '/checkin'), customer, decimal, comma, decimal, (word, name, lat, sep, lng) => {
        expect(parseIntent(`${word} ${name} ${lat}${sep}${lng}`)).toStrictEqual({
          kind: 'checkIn',
          customer: name,
          coordinates: { lat: Number(lat), lng: Number(lng) },
        });
      }),
    );
  });

  it('stays fast on long runs of separators (no quadratic regex backtracking)', () => {
    const pathological = [
      `签到 1,1${'。 '.repeat(10_000)}x`,
      `checkin 1${' '.repeat(20_000)}x`,
      `today${' '.repeat(20_000)}x`,
      `拜访 华为 ${'跟进 '.repeat(5_000)}`,
      `visit a${' ,'.repeat(10_000)}x`,
      '@a '.repeat(10_000),
      `holiday add 1${' '.repeat(20_000)}x`,
      `节假日 添加 10月1日${' '.repeat(20_000)}x 全公司`,
      `quiet 1${' '.repeat(20_000)}x team y`,
    ];
    const started = performance.now();
    for (const text of pathological) expectValidIntent(parseIntent(text));
    // Generous budget for slow CI machines; the quadratic version took ~2 s on the first input alone.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('reads every choice from 1 to 99 in every spelling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.constantFrom('', '#', '第'), fc.boolean(), (index, prefix, fullWidth) => {
        const typed = `${prefix}${index}${prefix === '第' ? '个' : ''}`;
        expect(parseIntent(fullWidth ? toFullWidth(typed) : typed)).toStrictEqual({ kind: 'choose', index });
      }),
    );
  });
});
