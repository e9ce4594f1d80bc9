import { describe, expect, it } from 'vitest';
import { splitIntoPages } from './split-pages.ts';

const continued = (heading: string) => `${heading}（续）`;

describe('splitIntoPages', () => {
  it('keeps a short answer on one page, as it was', () => {
    const sections = [{ heading: 'A', lines: ['a1', '  detail'] }, { lines: ['b1'] }];
    expect(splitIntoPages(sections, { budget: { lines: 10, bytes: 1000 }, continued })).toEqual([sections]);
  });

  it('breaks between blocks, never between a line and its indented details, and repeats the heading as continued', () => {
    const sections = [{ heading: 'Team', lines: ['rep 1', '  • off-site', 'rep 2', '  • open', '  • note', 'rep 3'] }];
    const pages = splitIntoPages(sections, { budget: { lines: 4, bytes: 1000 }, continued });
    expect(pages).toEqual([
      [{ heading: 'Team', lines: ['rep 1', '  • off-site'] }],
      [{ heading: 'Team（续）', lines: ['rep 2', '  • open', '  • note'] }],
      [{ heading: 'Team（续）', lines: ['rep 3'] }],
    ]);
  });

  it('never leaves a heading alone at the bottom of a page', () => {
    const sections = [{ heading: 'A', lines: ['a1', 'a2'] }, { heading: 'B', lines: ['b1'] }];
    const pages = splitIntoPages(sections, { budget: { lines: 4, bytes: 1000 }, continued });
    expect(pages).toEqual([[{ heading: 'A', lines: ['a1', 'a2'] }], [{ heading: 'B', lines: ['b1'] }]]);
  });

  it('counts UTF-8 bytes, so Chinese lines fill a page sooner than ASCII ones', () => {
    const line = '张'.repeat(30); // 90 bytes + a line break
    const pages = splitIntoPages([{ lines: [line, line, line] }], { budget: { lines: 100, bytes: 200 }, continued });
    expect(pages.map((p) => p[0]!.lines.length)).toEqual([2, 1]);
  });

  it('gives a block larger than a page a page of its own rather than losing it', () => {
    const sections = [{ lines: ['short', 'long', '  1', '  2', '  3', 'after'] }];
    const pages = splitIntoPages(sections, { budget: { lines: 2, bytes: 1000 }, continued });
    expect(pages).toEqual([[{ lines: ['short'] }], [{ lines: ['long', '  1', '  2', '  3'] }], [{ lines: ['after'] }]]);
  });

  it('leaves room for what every page adds (its numbered title and the hint)', () => {
    const sections = [{ lines: ['1', '2', '3', '4'] }];
    expect(splitIntoPages(sections, { budget: { lines: 4, bytes: 1000 }, reserved: { lines: 2, bytes: 0 }, continued })).toHaveLength(2);
  });
});
