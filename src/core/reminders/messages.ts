import type { Language } from '../../conversation/intents/types.ts';
import { remindersEnUS } from './messages-en-US.ts';
import { remindersZhCN } from './messages-zh-CN.ts';

export type ReminderMessages = typeof remindersEnUS;

/** The reminder catalogue for a person's language. */
export function reminderMessages(language: Language): ReminderMessages {
  return language === 'zh-CN' ? remindersZhCN : remindersEnUS;
}
