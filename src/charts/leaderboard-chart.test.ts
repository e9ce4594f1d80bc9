import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import type { Leaderboard } from '../core/leaderboards/build-leaderboard.ts';
import { leaderboardChartOption, maxBars, renderLeaderboardChart } from './leaderboard-chart.ts';
import { chartFont } from './chart-font.ts';
import { pngSignature, pngSize, rasterise } from './render-png.ts';

const chineseNames = ['张伟', '李娜', '王芳', '刘洋', '陈静'];

/** A board of `size` reps: alternate Chinese and Latin names, points falling by one, ranks 2 and 3 tied, rep 4 opted out. */
function board(size: number): Leaderboard {
  const entries = Array.from({ length: size }, (_, i) => ({
    userId: `rep-${i}`,
    name: i === 3 ? null : i % 2 === 0 ? `${chineseNames[(i / 2) % chineseNames.length]}${i >= 10 ? i : ''}` : `Anna Lee ${i}`,
    visits: 5, verified: 4, outside: 0, verifiedWithNextStep: 1, reportsOnTime: 3,
    points: i === 2 ? 500 - 1 : 500 - i,
    rank: i === 2 ? 2 : i + 1,
    tied: i === 1 || i === 2,
    movement: 0,
  }));
  return { teamId: 't', teamName: '华东 East', period: { period: 'week', start: '2026-11-23', end: '2026-11-30' }, asOf: '2026-11-29', entries, total: { points: 0, verified: 0, visits: 0, reps: size } };
}

/** The RGBA pixels of a PNG (resvg decodes PNGs it is given as an image). */
function pixels(png: Buffer): { width: number; height: number; data: Buffer } {
  const { width, height } = pngSize(png);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width / 2}" height="${height / 2}"><image width="${width / 2}" height="${height / 2}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: width } }).render();
  return { width: image.width, height: image.height, data: Buffer.from(image.pixels) };
}

/** Count of dark pixels ("ink") and of distinct dark-pixel rows patterns: a box drawn for every glyph has few. */
function ink(png: Buffer): { dark: number; patterns: number } {
  const { width, height, data } = pixels(png);
  let dark = 0;
  const rows = new Set<string>();
  for (let y = 0; y < height; y++) {
    let row = '';
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const isDark = data[i]! < 128 && data[i + 1]! < 128 && data[i + 2]! < 128;
      if (isDark) dark++;
      row += isDark ? '1' : '0';
    }
    if (row.includes('1')) rows.add(row);
  }
  return { dark, patterns: rows.size };
}

describe('leaderboard chart', () => {
  it('draws Chinese names with the bundled font, not the empty boxes or blanks of a missing font', () => {
    const font = chartFont();
    expect(font?.family).toBe('Noto Sans SC');
    const text = (s: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="60"><rect width="500" height="60" fill="#fff"/><text x="10" y="45" font-size="40" font-family="Noto Sans SC" fill="#000">${s}</text></svg>`;
    const withFont = ink(rasterise(text('张伟'), font));
    const noFont = ink(rasterise(text('张伟'), null));
    const otherName = ink(rasterise(text('李娜'), font));
    // Without a font nothing (or a box outline) is drawn; with it, two real glyphs of many strokes.
    expect(noFont.dark).toBeLessThan(200);
    expect(withFont.dark).toBeGreaterThan(1500);
    expect(withFont.patterns).toBeGreaterThan(30);
    // Different characters give different ink: glyphs, not one box repeated.
    expect(otherName.dark).not.toBe(withFont.dark);
    const bothPixels = [pixels(rasterise(text('张伟'), font)).data, pixels(rasterise(text('李娜'), font)).data];
    expect(bothPixels[0]!.equals(bothPixels[1]!)).toBe(false);
  });

  it('draws digits next to Latin letters (the subset leaves out GSUB, whose substitutions made them vanish)', () => {
    const text = (s: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="60"><rect width="500" height="60" fill="#fff"/><text x="10" y="45" font-size="40" font-family="Noto Sans SC" fill="#000">${s}</text></svg>`;
    expect(ink(rasterise(text('6. Bob'), chartFont())).dark).toBeGreaterThan(ink(rasterise(text('. Bob'), chartFont())).dark + 200);
  });

  it('renders a PNG 1000 px wide for a board of 1, 30 and 200, at most 30 bars', () => {
    for (const size of [1, 30, 200]) {
      const { png, alt } = renderLeaderboardChart(board(size), 'zh-CN');
      expect(png.subarray(0, 8).equals(pngSignature)).toBe(true);
      const { width, height } = pngSize(png);
      expect(width).toBe(1000);
      expect(height).toBeGreaterThan(200);
      expect(height).toBeLessThan(2400);
      expect(png.length).toBeLessThan(2 * 1024 * 1024); // under WeCom's group-robot limit
      expect(alt).toContain('华东 East');
      const { option } = leaderboardChartOption(board(size), 'zh-CN');
      const names = (option.yAxis as { data: string[] }).data;
      expect(names).toHaveLength(Math.min(size, maxBars));
    }
    const { option } = leaderboardChartOption(board(200), 'en-US');
    expect((option.title as { subtext: string }).subtext).toContain('Top 30 of 200 reps');
  });

  it('shows an opted-out rep as the text board does, ties sharing a rank, the period in the title', () => {
    const en = leaderboardChartOption(board(5), 'en-US').option;
    expect((en.yAxis as { data: string[] }).data).toEqual(['1. 张伟', '=2. Anna Lee 1', '=2. 李娜', '4. (a rep who opted out)', '5. 王芳']);
    expect((en.title as { text: string }).text).toBe('华东 East leaderboard, week of 2026-11-23 to 2026-11-29');
    const zh = leaderboardChartOption(board(5), 'zh-CN').option;
    expect((zh.yAxis as { data: string[] }).data[3]).toBe('4. （不参加排名的同事）');
    expect((zh.yAxis as { data: string[] }).data[1]).toBe('并列2. Anna Lee 1');
    expect((zh.title as { text: string }).text).toBe('华东 East 周排行榜（2026-11-23 至 2026-11-29）');
  });
});
