import type { Language } from '../conversation/intents/types.ts';
import { chartTextEnUS } from './messages-en-US.ts';
import { chartTextZhCN } from './messages-zh-CN.ts';

export type ChartText = typeof chartTextEnUS;

export function chartText(language: Language): ChartText {
  return language === 'zh-CN' ? chartTextZhCN : chartTextEnUS;
}
