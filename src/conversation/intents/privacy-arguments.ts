/**
 * Argument readers for the privacy commands (issue 16). `删除` alone is an everyday word, so the
 * Chinese erasure command needs its object (`删除 张三 的数据`); anything else is not this command.
 */
import { isTrailingPunctuation, trimEndWhere, trimSeparators, usage } from './command-text.ts';
import type { CommandEntry } from './parse-intent.ts';
import type { Intent } from './types.ts';

const clean = (text: string) => trimSeparators(trimEndWhere(text, isTrailingPunctuation));

const withoutArguments = (intent: Intent) => (args: string): Intent | undefined => (clean(args) === '' ? intent : undefined);

const SWITCH: ReadonlyMap<string, boolean> = new Map([
  ...['开', '开启', '打开', '保留', 'on', 'yes', 'keep'].map((w) => [w, true] as const),
  ...['关', '关闭', '不保留', 'off', 'no'].map((w) => [w, false] as const),
]);

/** `张三 的数据`, `张三的数据`, `张三 数据` after `删除`. */
function parseEraseZh(args: string, { attached }: { attached: boolean }): Intent | undefined {
  if (attached && !/数据$/u.test(clean(args))) return undefined;
  const match = /^(.+?)\s*(?:的)?\s*(?:全部|所有)?\s*数据$/u.exec(clean(args));
  if (!match) return undefined;
  const person = clean(match[1]!);
  return person === '' ? usage('erase') : { kind: 'erase', person };
}

/** `Zhang`, `Zhang's data`, `data of Zhang` after `erase`. */
function parseEraseEn(args: string): Intent {
  const text = clean(args)
    .replace(/^(?:the\s+)?data\s+(?:of|for)\s+/iu, '')
    .replace(/(?:'s|’s)\s+data$/iu, '')
    .replace(/\s+data$/iu, '');
  const person = clean(text);
  return person === '' ? usage('erase') : { kind: 'erase', person };
}

export const PRIVACY_COMMANDS: readonly CommandEntry[] = [
  {
    words: ['停用', 'deactivate'],
    build: (args, { attached }) => {
      if (attached) return undefined;
      const person = clean(args);
      return person === '' ? usage('deactivate') : { kind: 'deactivate', person };
    },
  },
  {
    words: ['启用', 'reactivate'],
    build: (args, { attached }) => {
      if (attached) return undefined;
      const person = clean(args);
      return person === '' ? usage('deactivate') : { kind: 'reactivate', person };
    },
  },
  { words: ['删除'], build: parseEraseZh },
  { words: ['erase'], build: parseEraseEn },
  { words: ['确认删除', 'confirm erase', 'confirm erasure'], build: withoutArguments({ kind: 'eraseConfirm' }) },
  { words: ['我的数据', 'my data'], build: withoutArguments({ kind: 'myData' }) },
  { words: ['谁能看到我', '谁能看我', '谁能看到我的数据', 'who sees me', 'who can see me'], build: withoutArguments({ kind: 'whoSeesMe' }) },
  { words: ['查看记录', '访问记录', 'access log'], build: withoutArguments({ kind: 'accessLog' }) },
  {
    words: ['保留位置', '位置保留', 'location retention', 'keep locations'],
    build: (args) => {
      const days = clean(args);
      return days === '' ? usage('locationRetention') : { kind: 'setLocationRetention', days };
    },
  },
  {
    words: ['保留工作记录', 'keep work records'],
    build: (args) => {
      const enabled = SWITCH.get(clean(args).toLowerCase());
      return enabled === undefined ? usage('keepWorkRecords') : { kind: 'setKeepWorkRecords', enabled };
    },
  },
];
