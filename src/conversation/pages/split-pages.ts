import type { MessageSection } from '../types.ts';

/**
 * How much one page of a long answer holds. 1,800 bytes keeps a page, with its title, hint and
 * markdown marks, inside one WeCom app markdown message (2,048 bytes, the smallest of our platforms'
 * limits), so no platform has to cut a page; 30 lines is about two phone screens.
 */
export interface PageBudget {
  lines: number;
  bytes: number;
}

export const PAGE_BUDGET: PageBudget = { lines: 30, bytes: 1_800 };

/** One page: the sections (or parts of sections) it shows, in order. */
export type Page = MessageSection[];

/**
 * Splits sections into pages within `budget`, never inside a block: a line and the indented lines
 * under it (a visit and its notes, a rep and their details) stay on one page. A section that runs
 * over a page break goes on under `continued(heading)` at the top of the next page. A block larger
 * than a whole page gets a page of its own (the platform's own limit then applies to it).
 * `reserved` is what every page spends besides the sections (its title and hint).
 */
export function splitIntoPages(
  sections: readonly MessageSection[],
  options: { budget?: PageBudget; reserved?: { lines: number; bytes: number }; continued: (heading: string) => string },
): Page[] {
  const budget = options.budget ?? PAGE_BUDGET;
  const room = {
    lines: Math.max(1, budget.lines - (options.reserved?.lines ?? 0)),
    bytes: Math.max(1, budget.bytes - (options.reserved?.bytes ?? 0)),
  };
  const pages: Page[] = [];
  let page: Page = [];
  let used = { lines: 0, bytes: 0 };
  const startPage = () => {
    if (page.length > 0) pages.push(page);
    page = [];
    used = { lines: 0, bytes: 0 };
  };
  const fits = (cost: { lines: number; bytes: number }) => used.lines + cost.lines <= room.lines && used.bytes + cost.bytes <= room.bytes;
  const spend = (cost: { lines: number; bytes: number }) => {
    used = { lines: used.lines + cost.lines, bytes: used.bytes + cost.bytes };
  };

  for (const section of sections) {
    const heading = section.heading;
    const blocks = blocksOf(section.lines);
    const headingCost = heading === undefined ? none : costOf([heading]);
    // A heading is never left alone at the bottom of a page: it needs its first block beside it.
    const firstCost = add(headingCost, blocks[0] ? costOf(blocks[0]) : none);
    if (page.length > 0 && !fits(firstCost)) startPage();
    let part: MessageSection = { ...(heading !== undefined ? { heading } : {}), lines: [], ...(section.action ? { action: section.action } : {}) };
    page.push(part);
    spend(headingCost);
    for (const block of blocks) {
      const cost = costOf(block);
      if (part.lines.length > 0 && !fits(cost)) {
        startPage();
        const again = heading === undefined ? undefined : options.continued(heading);
        part = { ...(again !== undefined ? { heading: again } : {}), lines: [] };
        page.push(part);
        spend(again === undefined ? none : costOf([again]));
      }
      part.lines.push(...block);
      spend(cost);
    }
  }
  startPage();
  return pages;
}

const none = { lines: 0, bytes: 0 };

function add(a: { lines: number; bytes: number }, b: { lines: number; bytes: number }) {
  return { lines: a.lines + b.lines, bytes: a.bytes + b.bytes };
}

/** A block is a line and the indented lines that follow it (its details). */
function blocksOf(lines: readonly string[]): string[][] {
  const blocks: string[][] = [];
  for (const line of lines) {
    const last = blocks.at(-1);
    if (last && /^\s/u.test(line)) last.push(line);
    else blocks.push([line]);
  }
  return blocks;
}

function costOf(lines: readonly string[]): { lines: number; bytes: number } {
  // +1 per line for its line break.
  return { lines: lines.length, bytes: lines.reduce((n, line) => n + Buffer.byteLength(line, 'utf8') + 1, 0) };
}
