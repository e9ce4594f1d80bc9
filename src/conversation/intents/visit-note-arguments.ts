/**
 * Visit notes: `拜访 华为 聊得不错 下一步 发报价 跟进 下周五`,
 * `visit Acme Corp: demo went well; next: send quote; follow up: next Friday`.
 */
import type { Intent } from './types.ts';
import { trimSeparators, usage } from './command-text.ts';

type VisitSection = 'nextStep' | 'followUp';

/** Section labels; the first occurrence of each section wins, later ones stay part of the text. */
const VISIT_LABELS: ReadonlyArray<{ section: VisitSection; source: string }> = [
  // 下一步 practically never occurs in notes, so it is recognised anywhere, colon optional.
  { section: 'nextStep', source: String.raw`下一步\s*:?` },
  { section: 'followUp', source: String.raw`跟进日期\s*:?|跟进\s*:` },
  // A bare 跟进 is also an everyday verb ("需要跟进报价", "下一步 跟进报价"), so only as a standalone word.
  { section: 'followUp', source: String.raw`(?<=^|[\s;,。、])跟进(?=\s)` },
  // English labels need the colon: "next" and "follow up" are ordinary words in notes.
  { section: 'nextStep', source: String.raw`(?<=^|[\s;,。、])next(?:\s+steps?)?\s*:` },
  { section: 'followUp', source: String.raw`(?<=^|[\s;,。、])follow(?:\s+|-)?up(?:\s+date)?\s*:` },
];
// One capturing group per label (the sources only use non-capturing groups) tells which one matched.
const VISIT_LABEL_PATTERN = new RegExp(VISIT_LABELS.map(({ source }) => `(${source})`).join('|'), 'giu');

export function parseVisitNote(args: string, english: boolean): Intent {
  const { head, sections } = splitVisitSections(args);
  const { customer, notes } = english ? splitEnglishCustomer(head) : splitChineseCustomer(head);
  if (customer === '' || notes === '') return usage('visitNote');
  return {
    kind: 'visitNote',
    customer,
    notes,
    ...(sections.nextStep ? { nextStep: sections.nextStep } : {}),
    ...(sections.followUp ? { followUp: sections.followUp } : {}),
  };
}

/**
 * Check-out notes: `签退 见了采购 下一步 周五发报价 跟进 下周五`, `checkout met the buyer; next: send quote`.
 * The same sections as a visit note, on the visit being closed.
 */
export function parseCheckOut(args: string): Intent {
  if (args === '') return { kind: 'checkOut' };
  const { head, sections } = splitVisitSections(args);
  // Without sections the notes stay exactly as typed (a closing 。 included); before a section,
  // the separator that introduced it (`; next:`) is not part of the notes.
  const notes = head === args ? args : trimSeparators(head);
  return {
    kind: 'checkOut',
    ...(notes !== '' ? { notes } : {}),
    ...(sections.nextStep ? { nextStep: sections.nextStep } : {}),
    ...(sections.followUp ? { followUp: sections.followUp } : {}),
  };
}

/** Splits `下一步 …` / `next: …` and `跟进 …` / `follow up: …` sections off the text (visit notes, check-out notes). */
function splitVisitSections(args: string): {
  head: string;
  sections: Partial<Record<VisitSection, string>>;
} {
  const labels: Array<{ section: VisitSection; start: number; end: number }> = [];
  for (const match of args.matchAll(VISIT_LABEL_PATTERN)) {
    const label = VISIT_LABELS[match.slice(1).findIndex((group) => group !== undefined)];
    if (!label || labels.some(({ section }) => section === label.section)) continue;
    labels.push({ section: label.section, start: match.index, end: match.index + match[0].length });
  }
  // matchAll yields in text order, so `labels` is already sorted by position.
  const sections: Partial<Record<VisitSection, string>> = {};
  labels.forEach(({ section, end }, i) => {
    sections[section] = trimSeparators(args.slice(end, labels[i + 1]?.start ?? args.length));
  });
  return { head: args.slice(0, labels[0]?.start ?? args.length), sections };
}

/** Chinese: the customer is the first token, ended by whitespace or a colon (`华为：聊得不错`). */
function splitChineseCustomer(head: string): { customer: string; notes: string } {
  const text = trimSeparators(head);
  const end = text.search(/[\s:]/u);
  if (end < 0) return { customer: text, notes: '' };
  return { customer: trimSeparators(text.slice(0, end)), notes: trimSeparators(text.slice(end)) };
}

/**
 * English: the customer runs up to the first colon on the first line, so multi-word names work
 * (`visit Acme Corp: demo went well`); without a colon it is the first token.
 */
function splitEnglishCustomer(head: string): { customer: string; notes: string } {
  // Only trim whitespace: a trailing colon (`visit Acme Corp:`) still ends the customer name.
  const text = head.trim();
  const firstLineEnd = text.indexOf('\n');
  const colon = text.slice(0, firstLineEnd < 0 ? text.length : firstLineEnd).indexOf(':');
  const end = colon >= 0 ? colon : text.search(/\s/u);
  if (end < 0) return { customer: text, notes: '' };
  return { customer: trimSeparators(text.slice(0, end)), notes: trimSeparators(text.slice(end)) };
}
