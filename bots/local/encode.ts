import type { OutboundMessage } from '../../src/conversation/types.ts';

/** What the local chat stores and shows: the plain text plus the parts a richer client could use. */
export interface LocalRenderedMessage {
  text: string;
  title?: string;
  actions?: { label: string; url: string }[];
}

export function encodeLocalMessage(message: OutboundMessage): LocalRenderedMessage {
  return {
    text: message.text,
    ...(message.title ? { title: message.title } : {}),
    ...(message.actions?.length ? { actions: message.actions } : {}),
  };
}
