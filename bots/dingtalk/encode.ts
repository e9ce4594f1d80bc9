import type { OutboundMessage } from '../../src/conversation/types.ts';
import { omittedNote, sectionLine } from '../message-sections.ts';

/**
 * One neutral reply rendered for DingTalk. The same choice is made for both ways of sending:
 * - plain text                       → text (`sampleText`)
 * - with a title                     → markdown (`sampleMarkdown`), the title as a heading
 * - with sections (digests, boards)  → markdown: the title, each section's heading, its lines, list
 *                                      items as `- ` lists; lines that do not fit are left out with a note
 * - with actions (the location link) → ActionCard with one button (`sampleActionCard`) or up to five
 *                                      stacked buttons (`sampleActionCard2`…`5`)
 * - with choices (quick answers)     → markdown, each choice a link at the end that makes the person's
 *                                      client send its reply (`choiceLink`); 1:1 only
 * Message types: https://open.dingtalk.com/document/orgapp/types-of-messages-sent-by-enterprise-robots
 * (OpenAPI `msgKey`/`msgParam`) and https://open.dingtalk.com/document/orgapp/custom-robots-send-group-messages
 * (session webhook `msgtype` bodies).
 */
export interface OpenApiMessage {
  msgKey: string;
  /** A JSON string, as the OpenAPI wants it. */
  msgParam: string;
}

/** `groupMessages/send` accepts at most 15,000 bytes of msgParam; keep a margin for escaping. */
const MAX_PARAM_BYTES = 14_000;
const MAX_TITLE_CHARS = 60;
/** OpenAPI action cards: `sampleActionCard` (one button) to `sampleActionCard5` (five stacked). */
const MAX_BUTTONS = 5;
/**
 * A session-webhook `actionCard` takes a `btns` list of any length (the docs name no limit); a day's
 * plan has at most 25 stops, so 25 is the most a message of ours needs.
 */
const MAX_SESSION_BUTTONS = 25;

type Rendered =
  | { kind: 'text'; content: string }
  | { kind: 'markdown'; title: string; text: string }
  | { kind: 'actionCard'; title: string; text: string; buttons: { title: string; url: string }[] };

/** Whether a message's choices become buttons: not in groups, where the sent text would not reach the robot. */
export interface EncodeOptions {
  choices?: boolean;
}

function render(message: OutboundMessage, maxButtons: number, options: EncodeOptions): Rendered {
  const own = (message.actions ?? []).slice(0, maxButtons);
  // A section's own button (a plan stop's check-in) joins the card's buttons while there is room;
  // the rest become links under their section's lines.
  const perSection = (message.sections ?? []).flatMap((section, i) => (section.action ? [{ i, action: section.action }] : []));
  const asButtons = perSection.slice(0, Math.max(0, maxButtons - own.length));
  const inline = new Set(perSection.slice(asButtons.length).map((s) => s.i));
  const actions = [...own, ...asButtons.map((s) => s.action)];
  // Quick answers are links in the markdown text, after everything else (see choiceLink).
  const links = options.choices === false ? '' : choiceLinks(message);
  // The buttons and links travel in the same parameter as the text: the text's budget leaves room for them.
  const reserve = actions.reduce((n, a) => n + jsonBytes(a.label) + jsonBytes(a.url) + 40, 0) + jsonBytes(links);
  const body = () => (message.sections?.length ? sectionsMarkdown(message, inline, reserve) : toMarkdown(message.text, message.title));
  const markdown = () => (links ? `${body()}\n\n${links}` : body());
  if (actions.length > 0) {
    const title = cardTitle(message);
    return { kind: 'actionCard', title, text: markdown(), buttons: actions.map((a) => ({ title: a.label, url: a.url })) };
  }
  if (message.title || message.sections?.length || links) return { kind: 'markdown', title: cardTitle(message), text: markdown() };
  return { kind: 'text', content: message.text };
}

/**
 * A link that makes the DingTalk client send `text` as the person's own message to the robot, so a
 * quick answer tapped arrives as if typed (without a question id: the core takes a typed answer).
 * The form, `dtmd://dingtalkclient/sendMessage?content=<URL-encoded text>` (钉钉 消息链接说明), is
 * known to work for links in markdown text (DingTalk's chatbot SDK examples; one SDK's notes say
 * dtmd links work only there), so quick answers are markdown links, not ActionCard buttons, whose
 * URLs are documented as web pages. The message text still says what to type, for clients that do
 * not follow the link.
 */
export function choiceLink(text: string): string {
  return `dtmd://dingtalkclient/sendMessage?content=${encodeURIComponent(text)}`;
}

/** A message's choices as one markdown line of dtmd links (those with an empty reply left out), or ''. */
function choiceLinks(message: OutboundMessage): string {
  const choices = (message.choices ?? []).filter((choice) => choice.reply.trim());
  return choices.map((choice) => `[${linkLabel(choice.label)}](${choiceLink(choice.reply)})`).join('  ');
}

/**
 * For `oToMessages/batchSend` and `groupMessages/send`: pass `{ choices: false }` for a group (a
 * tapped choice would be said in the group without @ the robot, which never receives it).
 */
export function encodeOpenApiMessage(message: OutboundMessage, options: EncodeOptions = {}): OpenApiMessage {
  const r = fit(render(message, MAX_BUTTONS, options));
  switch (r.kind) {
    case 'text':
      return { msgKey: 'sampleText', msgParam: JSON.stringify({ content: r.content }) };
    case 'markdown':
      return { msgKey: 'sampleMarkdown', msgParam: JSON.stringify({ title: r.title, text: r.text }) };
    case 'actionCard': {
      const [first] = r.buttons;
      if (r.buttons.length === 1 && first) {
        return {
          msgKey: 'sampleActionCard',
          msgParam: JSON.stringify({ title: r.title, text: r.text, singleTitle: first.title, singleURL: first.url }),
        };
      }
      const param: Record<string, string> = { title: r.title, text: r.text };
      r.buttons.forEach((b, i) => {
        param[`actionTitle${i + 1}`] = b.title;
        param[`actionURL${i + 1}`] = b.url;
      });
      return { msgKey: `sampleActionCard${r.buttons.length}`, msgParam: JSON.stringify(param) };
    }
  }
}

/**
 * For a session webhook. `mention` is the staff id to @ in a group reply: DingTalk shows the name
 * when the id appears in the text as `@id` and in `at.atUserIds` (ActionCards cannot mention).
 * `options.choices: false` in a group, as for the OpenAPI.
 */
export function encodeSessionMessage(message: OutboundMessage, mention?: string, options: EncodeOptions = {}): Record<string, unknown> {
  const r = fit(render(message, MAX_SESSION_BUTTONS, options));
  const at = mention && r.kind !== 'actionCard' ? { at: { atUserIds: [mention], isAtAll: false } } : {};
  const prefix = mention ? `@${mention} ` : '';
  switch (r.kind) {
    case 'text':
      return { msgtype: 'text', text: { content: prefix + r.content }, ...at };
    case 'markdown':
      return { msgtype: 'markdown', markdown: { title: r.title, text: prefix + r.text }, ...at };
    case 'actionCard': {
      const [first] = r.buttons;
      const card =
        r.buttons.length === 1 && first
          ? { title: r.title, text: r.text, singleTitle: first.title, singleURL: first.url }
          : { title: r.title, text: r.text, btnOrientation: '0', btns: r.buttons.map((b) => ({ title: b.title, actionURL: b.url })) };
      return { msgtype: 'actionCard', actionCard: card };
    }
  }
}

/** The title shows in the chat list and notifications: the message's own, else its first line. */
function cardTitle(message: OutboundMessage): string {
  const source = message.title ?? message.text.split('\n').find((line) => line.trim()) ?? 'Legwork';
  const title = source.trim();
  return title.length > MAX_TITLE_CHARS ? `${title.slice(0, MAX_TITLE_CHARS - 1)}…` : title;
}

/**
 * DingTalk markdown joins single newlines into one paragraph; a hard break (two spaces + newline)
 * keeps the plain text's line structure. Characters that would start markdown constructs at the
 * beginning of a line (`#`, `>`, `-`, `1.`) are left alone: our texts use `•` bullets.
 */
function toMarkdown(text: string, title?: string): string {
  const body = text.split('\n').join('  \n');
  return title ? `#### ${title}  \n${body}` : body;
}

type MarkdownItem = { kind: 'heading' | 'paragraph' | 'bullet'; text: string; startsSection?: boolean };

/**
 * A structured message as DingTalk markdown (the subset in the message-type docs above: headings,
 * quotes, bold, links, `- ` and `1. ` lists): `### title`, `#### heading` per section, paragraph lines kept
 * apart by hard breaks, list items as a `- ` list set off by blank lines. Built line by line within
 * the msgParam budget; if the budget runs out, the rest is left out and a last line says how many.
 */
function sectionsMarkdown(message: OutboundMessage, inlineActions: ReadonlySet<number> = new Set(), reserve = 0): string {
  const items: MarkdownItem[] = [];
  for (const [index, section] of (message.sections ?? []).entries()) {
    const start = items.length;
    if (section.heading) items.push({ kind: 'heading', text: `#### ${plainStart(section.heading)}` });
    for (const line of section.lines) {
      const { text, bullet } = sectionLine(line);
      items.push(bullet ? { kind: 'bullet', text: `- ${plainStart(text)}` } : { kind: 'paragraph', text: plainStart(text) });
    }
    if (section.action && inlineActions.has(index)) items.push({ kind: 'paragraph', text: `[${linkLabel(section.action.label)}](${section.action.url})` });
    if (items[start]) items[start].startsSection = true;
  }
  const head = message.title ? `### ${plainStart(message.title)}` : '';
  // Room for the title field, a mention and the note.
  const budget = MAX_PARAM_BYTES - 600 - reserve;
  let out = head;
  let used = jsonBytes(head);
  let previous: MarkdownItem['kind'] | 'title' | undefined = head ? 'title' : undefined;
  for (const [i, item] of items.entries()) {
    const piece = (item.startsSection && previous && previous !== 'title' ? '\n\n' : separator(previous, item.kind)) + item.text;
    const cost = jsonBytes(piece);
    if (used + cost > budget) {
      const note = omittedNote(message.language, items.length - i);
      return out + separator(previous, 'paragraph') + plainStart(note);
    }
    out += piece;
    used += cost;
    previous = item.kind;
  }
  return out;
}

/** Brackets would end a markdown link's label early. */
function linkLabel(label: string): string {
  return label.replace(/[[\]]/g, ' ');
}

function separator(previous: MarkdownItem['kind'] | 'title' | undefined, next: MarkdownItem['kind']): string {
  if (previous === undefined) return '';
  if (next === 'heading') return '\n\n';
  if (previous === 'title' || previous === 'heading') return next === 'bullet' ? '\n\n' : '\n';
  if (previous === next) return next === 'bullet' ? '\n' : '  \n';
  return '\n\n';
}

/**
 * Keeps a line from starting a markdown construct it does not mean (a leaderboard's `1. Ann` would
 * become an ordered list renumbered from 1, `=2.` ties and all): the space after such a marker
 * becomes a no-break space, which reads the same.
 */
function plainStart(text: string): string {
  return text.replace(/^(\s*)(#{1,6}|[-+*]|\d{1,9}[.)])[ \t]/, '$1$2\u00a0').replace(/^(\s*)>/, '$1\u200b>');
}

const utf8 = new TextEncoder();

/** Bytes a string takes inside the JSON-encoded msgParam (escapes included, quotes not). */
function jsonBytes(s: string): number {
  return utf8.encode(JSON.stringify(s)).length - 2;
}

/** Trims the body so the encoded parameter stays under the platform's size limit. */
function fit(r: Rendered): Rendered {
  const bytes = (s: string) => utf8.encode(JSON.stringify(s)).length;
  const cut = (s: string) => {
    if (bytes(s) <= MAX_PARAM_BYTES) return s;
    let end = s.length;
    while (end > 0 && bytes(s.slice(0, end)) > MAX_PARAM_BYTES - 8) end = Math.floor(end * 0.9);
    return `${s.slice(0, end)}…`;
  };
  return r.kind === 'text' ? { ...r, content: cut(r.content) } : { ...r, text: cut(r.text) };
}
