import type { Language } from '../src/conversation/intents/types.ts';

/**
 * The few words adapters add themselves around a message's `choices` (quick answers), shared by the
 * platforms that render them as buttons beside a structured message (WeCom, Slack). Whole phrases
 * per language; Chinese when the message has no language, as the rest of the bot defaults to it.
 */

/**
 * The title of the small card or block that carries the buttons under a message's sections (a page of
 * a long answer: "下一页（2/3）"): the message's own title when it has one (the buttons' context), else
 * a neutral "quick replies".
 */
export function choicesHeading(title: string | undefined, language: Language | undefined): string {
  if (title?.trim()) return title.trim();
  return language === 'en-US' ? 'Quick replies' : '快捷回复';
}

/** What replaces the buttons once one was tapped: the label chosen ("已选择：下一页（2/3）"). */
export function chosenLine(label: string, language: Language | undefined): string {
  return language === 'en-US' ? `Chosen: ${label}` : `已选择：${label}`;
}
