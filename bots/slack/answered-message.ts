import type { RenderedSlackMessage, SlackBlock } from './encode.ts';
import { escapeMrkdwn, parseChoicesBlockId } from './encode.ts';

/**
 * A message whose quick answer was tapped, as chat.update gets it: the blocks Slack sent back with the
 * tap, the choices' actions block replaced by a context line ("已选择：下一页（2/3）"), so the buttons
 * cannot be tapped twice and the chat shows what was answered. `text` is required by chat.update
 * next to blocks; the line stands for the whole message there (notifications only show new messages).
 */
export function answeredMessage(blocks: readonly Record<string, unknown>[], chosen: string): RenderedSlackMessage {
  const line: SlackBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(chosen) }] };
  const replaced = blocks.map((block) => (block.type === 'actions' && parseChoicesBlockId(String(block.block_id ?? '')) ? line : block));
  return { text: chosen, blocks: replaced };
}
