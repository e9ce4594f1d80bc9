import { describe, expect, it } from 'vitest';
import { bigDailyDigest, sampleLeaderboard, smallDailyDigest } from '../../test/support/sample-reports.ts';
import { encodeSlackMessage, escapeMrkdwn, type SlackBlock } from './encode.ts';

const textOf = (block: SlackBlock) => String((block as { text?: { text?: string } }).text?.text ?? '');
/** Characters of text in the blocks (Slack refuses about 12,000-13,000 in all: msg_blocks_too_long). */
const blockChars = (blocks: SlackBlock[]) =>
  blocks.reduce((n, b) => n + textOf(b).length + ((b as { elements?: { text?: string | { text: string } }[] }).elements ?? []).reduce((m, e) => m + JSON.stringify(e.text ?? '').length, 0), 0);

describe('Block Kit rendering of digests and leaderboards', () => {
  it('renders a digest as a header, a section per team with its summary in bold, dividers between teams', () => {
    const message = smallDailyDigest();
    const rendered = encodeSlackMessage(message);
    expect(rendered.blocks.map((b) => b.type)).toEqual(['header', 'section', 'divider', 'section']);
    expect(rendered.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Daily digest for 2026-10-30', emoji: true } });
    const east = textOf(rendered.blocks[1]!).split('\n');
    expect(east[0]).toBe('*East: 2 reps, 6 visits (4 verified, 2 outside); reports 1 in, 1 late, 0 missing*');
    // Slack's control characters are escaped in names and notes alike.
    expect(east[1]).toBe('Ann &amp; &lt;Bob&gt;: 3 visits (2 verified, 1 outside) at ZTE, Alibaba, Tencent; report in (late)');
    expect(east).toContain('  • follow-up tomorrow: ZTE (send the revised quote &amp; &lt;pricing&gt;)');
    expect(rendered.blocks[3]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*West: no reps yet.*' } });
    // The notification fallback is the whole plain text, the title once.
    expect(rendered.text).toBe(escapeMrkdwn(message.text));
  });

  it('renders a leaderboard as the board, a divider and the team total', () => {
    const rendered = encodeSlackMessage(sampleLeaderboard());
    expect(rendered.blocks.map((b) => b.type)).toEqual(['header', 'section', 'divider', 'section']);
    expect(textOf(rendered.blocks[0]!)).toBe('East leaderboard, week of 2026-10-26 to 2026-11-01');
    expect(textOf(rendered.blocks[1]!).split('\n')).toEqual([
      '(so far, as of 2026-10-30)',
      '1. Ann — 30 pts (4 verified visits, 1 with a next step, 4 reports on time) ↑1',
      '=2. Ben — 29 pts (3 verified visits, 1 with a next step, 4 reports on time) ↓1',
      '=2. Cat — 28 pts (2 verified visits, 1 with a next step, 4 reports on time) →',
      '4. (a rep who opted out) — 27 pts (1 verified visit, 1 with a next step, 4 reports on time) →',
    ]);
    expect(textOf(rendered.blocks[3]!)).toBe('Team total: 114 pts from 10 verified visits (14 check-in visits, 4 reps).');
  });

  it('cuts a 40-rep digest to what Slack accepts, whole lines, and says how many lines were left out', () => {
    const message = bigDailyDigest(20);
    const rendered = encodeSlackMessage(message);
    expect(rendered.blocks.length).toBeLessThanOrEqual(50);
    for (const block of rendered.blocks.filter((b) => b.type === 'section')) expect(textOf(block).length).toBeLessThanOrEqual(3000);
    expect(blockChars(rendered.blocks)).toBeLessThanOrEqual(10_000);
    const note = rendered.blocks.at(-1)!;
    expect(note.type).toBe('context');
    const [, count] = /^…and (\d+) more lines that did not fit in one message\.$/.exec((note as any).elements[0].text) ?? [];
    // Every line of the digest is either shown, whole and in order, or counted in the note.
    const shown = rendered.blocks.filter((b) => b.type === 'section').flatMap((b) => textOf(b).split('\n'));
    const all = message.sections!.flatMap((s) => [`*${escapeMrkdwn(s.heading!)}*`, ...s.lines.map(escapeMrkdwn)]);
    expect(shown).toEqual(all.slice(0, shown.length));
    expect(shown.length + Number(count)).toBe(all.length);
    // The fallback text still carries everything.
    expect(rendered.text).toBe(escapeMrkdwn(message.text));
  });

  it('writes the note in the message’s language', () => {
    const rendered = encodeSlackMessage(bigDailyDigest(40, 'zh-CN'));
    expect((rendered.blocks.at(-1) as any).elements[0].text).toMatch(/^……另有 \d+ 行超出单条消息的长度限制，未显示。$/);
  });

  it('stays within 50 blocks when there are many small sections', () => {
    const sections = Array.from({ length: 80 }, (_, i) => ({ heading: `Team ${i + 1}: no reps yet.`, lines: [] }));
    const rendered = encodeSlackMessage({ title: 'Daily digest', text: 'x', sections, language: 'en-US' });
    expect(rendered.blocks.length).toBeLessThanOrEqual(50);
    expect(rendered.blocks.at(-1)).toMatchObject({ type: 'context' });
    const shownTeams = rendered.blocks.filter((b) => b.type === 'section').length;
    expect((rendered.blocks.at(-1) as any).elements[0].text).toBe(`…and ${80 - shownTeams} more lines that did not fit in one message.`);
    // No divider left hanging before the note.
    expect(rendered.blocks.at(-2)!.type).toBe('section');
  });

  it('splits a section over 3,000 characters into several section blocks', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `Rep ${i}: ${'x'.repeat(90)}`);
    const rendered = encodeSlackMessage({ title: 'T', text: 'x', sections: [{ heading: 'East', lines }], language: 'en-US' });
    const sections = rendered.blocks.filter((b) => b.type === 'section');
    expect(sections.length).toBe(2); // 60 lines of 98 characters
    expect(rendered.blocks.some((b) => b.type === 'divider')).toBe(false);
    expect(sections.flatMap((b) => textOf(b).split('\n'))).toEqual(['*East*', ...lines]);
  });

  it('keeps over-long plain text within the total too, with a neutral note', () => {
    const text = Array.from({ length: 400 }, (_, i) => `${i + 1}. ${'visit notes '.repeat(5)}`).join('\n');
    const rendered = encodeSlackMessage({ text });
    expect(blockChars(rendered.blocks)).toBeLessThanOrEqual(10_000);
    expect((rendered.blocks.at(-1) as any).elements[0].text).toMatch(/^… \(\+\d+\)$/);
    expect(rendered.text).toBe(text);
  });
});
