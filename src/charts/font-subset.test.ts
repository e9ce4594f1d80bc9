import { describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { chartFont } from './chart-font.ts';
import { openFontFile } from './font-file.ts';
import { subsetFont } from './font-subset.ts';
import { pngSize, rasterise } from './render-png.ts';

const svgOf = (s: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="60"><text x="10" y="45" font-size="40" font-family="Noto Sans SC" fill="#000">${s}</text></svg>`;

/** Dark pixels of a PNG (decoded by resvg, which also proves the PNG is well formed). */
function dark(png: Buffer): number {
  const { width, height } = pngSize(png);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const data = new Resvg(svg).render().pixels;
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 128 && data[i + 1]! < 128 && data[i + 2]! < 128) n++;
  return n;
}

describe('chart font subset', () => {
  const font = chartFont()!;
  const file = openFontFile(font.files[0]!)!;

  it('holds only the glyphs of the chart: a few KB, not the 10 MB font', () => {
    expect(subsetFont(file, svgOf('张伟 Anna Lee 1234')).length).toBeLessThan(32 * 1024);
  });

  it('draws composite glyphs (accented Latin) and the same ink as the whole font would', () => {
    // Accented letters may be composites of a base letter and an accent: their components are renumbered too.
    expect(dark(rasterise(svgOf('Zoé Müller'), font))).toBeGreaterThan(dark(rasterise(svgOf('Zo Mller'), font)) + 300);
    const whole = { files: font.files, family: font.family };
    const withWholeFont = new Resvg(svgOf('张伟 Zoé 42'), { fitTo: { mode: 'width', value: 1000 }, background: '#ffffff', font: { fontFiles: whole.files, loadSystemFonts: false, defaultFontFamily: whole.family } }).render();
    const reference = dark(Buffer.from(withWholeFont.asPng()));
    const subset = dark(rasterise(svgOf('张伟 Zoé 42'), font));
    // Kerning (GPOS) is left out of the subset: a few pixels may differ, not whole glyphs.
    expect(Math.abs(subset - reference)).toBeLessThan(reference * 0.03);
  });
});
