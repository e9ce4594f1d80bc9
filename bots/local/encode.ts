import type { OutboundMessage } from '../../src/conversation/types.ts';

/** What the local chat stores and shows: the plain text plus the parts a richer client could use. */
export interface LocalRenderedMessage {
  text: string;
  title?: string;
  actions?: { label: string; url: string }[];
  /**
   * Quick answers to the question the message asks: a client posts `reply` as the message text with
   * `answers: questionId`, so that the tap answers this question and never a newer one.
   */
  choices?: { label: string; reply: string }[];
  questionId?: string;
  /** A chart beside the text (issue 18): a signed link under PUBLIC_URL and its text alternative. */
  image?: { url: string; alt: string };
}

export function encodeLocalMessage(message: OutboundMessage, image?: { url: string; alt: string }): LocalRenderedMessage {
  return {
    text: message.text,
    ...(image ? { image: { url: image.url, alt: image.alt } } : {}),
    ...(message.title ? { title: message.title } : {}),
    ...(message.actions?.length ? { actions: message.actions } : {}),
    ...(message.choices?.length ? { choices: message.choices.map(({ label, reply }) => ({ label, reply })) } : {}),
    ...(message.choices?.length && message.questionId ? { questionId: message.questionId } : {}),
  };
}
