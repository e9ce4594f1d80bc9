/**
 * `你好` / `hi`, `在吗` / `hello there`: a greeting, often a person's very first message. It is
 * answered as a greeting (the welcome, or a pointer to 帮助/help), never as text not understood.
 * Only the greeting on its own (and trailing punctuation, or the bot's name) counts: `你好，签到 华为`
 * or `hi team, meeting at 3` are sentences, not greetings to the bot.
 */
import { isSeparator, isTrailingPunctuation, trimEndWhere, trimStartWhere } from './command-text.ts';
import type { CommandEntry } from './parse-intent.ts';
import type { Intent } from './types.ts';

const CHINESE_GREETINGS = [
  '你好', '您好', '你好呀', '你好啊', '您好呀', '大家好', '嗨', '哈喽', '哈啰', '在吗', '在么', '在嘛', '在不在',
  '早', '早安', '早上好', '上午好', '中午好', '下午好', '晚上好',
];
const ENGLISH_GREETINGS = [
  'hi', 'hello', 'hey', 'hi there', 'hello there', 'hey there', 'morning', 'good morning', 'good afternoon', 'good evening',
];

/** What may follow a greeting and still leave it one: the bot's name (`hi Legwork`, `你好 机器人`). */
const ADDRESSED_TO_BOT = /^(?:legwork|机器人|小助手)$/iu;

function parseGreeting(args: string): Intent | undefined {
  const rest = trimStartWhere(trimEndWhere(args, isTrailingPunctuation), isSeparator);
  return rest === '' || ADDRESSED_TO_BOT.test(rest) ? { kind: 'greeting' } : undefined;
}

export const GREETING_COMMANDS: readonly CommandEntry[] = [{ words: [...CHINESE_GREETINGS, ...ENGLISH_GREETINGS], build: parseGreeting }];
