import type { Language } from './types.ts';

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
/** A mention (`@Legwork`) or a link says nothing about the language the person writes in. */
const NOT_WORDS = /@\S+|https?:\/\/\S+/gu;

/**
 * The language a message is written in, as far as registration needs it: when a newcomer's platform
 * gives no locale (DingTalk, WeCom, the local chat; Slack without a profile locale), their first words
 * choose their language instead of the org's default, so "hello" is welcomed in English and "你好" in
 * Chinese. Any Chinese character makes it Chinese (an English command with a Chinese customer name,
 * `checkin 华为`, comes from someone who reads Chinese); Latin letters alone make it English; a
 * message with neither (digits, coordinates, an emoji, a location) says nothing.
 */
export function languageOfText(text: string | undefined): Language | undefined {
  if (!text) return undefined;
  const words = text.replace(NOT_WORDS, ' ');
  if (HAN.test(words)) return 'zh-CN';
  if (LATIN.test(words)) return 'en-US';
  return undefined;
}
