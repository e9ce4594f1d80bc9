import type { OutboundMessage } from '../../src/conversation/types.ts';

/**
 * WeChat and WeCom chats through a puppet take plain text: the title on its own line, then the text,
 * then any link not already in it (the core's text normally names its links already).
 */
export function encodeWechatyText(message: OutboundMessage): string {
  const lines: string[] = [];
  if (message.title && !message.text.startsWith(message.title)) lines.push(message.title);
  lines.push(message.text);
  for (const action of message.actions ?? []) {
    if (!message.text.includes(action.url)) lines.push(`${action.label}: ${action.url}`);
  }
  return lines.join('\n');
}
