import { structured } from '../../core/digests/render-digest.ts';
import { awaitsFreeText, clearPendingState, savePendingState, type PendingState, type StoredPage } from '../pending-state.ts';
import { splitIntoPages } from '../pages/split-pages.ts';
import type { OutboundMessage } from '../types.ts';
import type { Turn } from '../turn.ts';
import { handleFreeText } from './pending.ts';

/**
 * Long answers in pages (issue 13): a manager's `团队 上周` for a team of forty would otherwise be
 * cut by the platform's size limit. The first page is the reply; the rest wait in the person's open
 * question, and `下一页` / `next page` (typed, or the page's button) shows the next. The pages are a
 * snapshot of the answer when asked: asking again starts over with fresh figures.
 *
 * Every page carries its number and, until the last, a line saying how to get the next, so a
 * text-only client (the web chat, WeChat through Wechaty, a WeCom group robot) is served as well as
 * the platforms that render the button.
 */
export async function replyInPages(turn: Turn, message: OutboundMessage, options: { privately: boolean }): Promise<void> {
  if (!message.sections?.length || !message.title) return sendTo(turn, options.privately, message);
  const pages = paginate(turn, message.title, message.sections);
  if (pages.length === 1) return sendTo(turn, options.privately, message);
  await showPage(turn, pages, pages.length, options.privately);
}

/** `下一页` / `next page`: the next page of the answer in the open question, if there is one. */
export async function handleNextPage(turn: Turn, pending: PendingState | undefined, text: string): Promise<void> {
  if (pending?.kind === 'morePages') {
    turn.answeredQuestion = true;
    return showPage(turn, pending.pages, pending.total, pending.privately);
  }
  // While a report's text or check-out notes are awaited, `更多` is that text.
  if (awaitsFreeText(pending)) return handleFreeText(turn, pending, text);
  turn.reply(turn.t.noMorePages());
}

/**
 * Sends the first of `pages` and keeps the rest as the open question (a new question id, so the
 * button of an older page cannot skip a page), or closes the question at the last page.
 */
async function showPage(turn: Turn, pages: StoredPage[], total: number, privately: boolean): Promise<void> {
  const [page, ...rest] = pages as [StoredPage, ...StoredPage[]];
  const message = structured(page.title, page.sections, turn.language);
  if (rest.length === 0) {
    await clearPendingState(turn.db, turn.user.id);
    return sendTo(turn, privately, message);
  }
  const questionId = await savePendingState(turn.db, turn.user.id, { kind: 'morePages', pages: rest, total, privately }, turn.now);
  const button = { label: turn.t.nextPageButton({ next: page.number + 1, pages: total }), reply: turn.t.nextPageReply() };
  sendTo(turn, privately, { ...message, choices: [button], questionId });
}

/** The answer and all its pages go where it was asked for: privately (a group's asker's own chat) or here. */
function sendTo(turn: Turn, privately: boolean, message: OutboundMessage): void {
  if (privately) turn.replyPrivately(message);
  else turn.reply(message);
}

/**
 * The answer as pages, each titled with its number and, but for the last, ending with the hint line
 * that names the next page.
 */
function paginate(turn: Turn, title: string, sections: OutboundMessage['sections'] & object): StoredPage[] {
  const { t } = turn;
  // Reserve the room every page spends besides its sections: its numbered title and the hint.
  const widest = { title: t.pagedTitle({ title, page: 99, pages: 99 }), hint: t.nextPageHint({ next: 99, pages: 99 }) };
  const reserved = { lines: 2, bytes: Buffer.byteLength(widest.title, 'utf8') + Buffer.byteLength(widest.hint, 'utf8') + 4 };
  const parts = splitIntoPages(sections, { reserved, continued: (heading) => t.pageContinued({ heading }) });
  return parts.map((part, i) => ({
    number: i + 1,
    title: t.pagedTitle({ title, page: i + 1, pages: parts.length }),
    sections: i + 1 < parts.length ? [...part, { lines: [t.nextPageHint({ next: i + 2, pages: parts.length })] }] : part,
  }));
}
