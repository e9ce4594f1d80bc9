import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { parseFont, subsetFont } from '../src/charts/font-subset.ts';
const file = 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60"><rect width="300" height="60" fill="#fff"/><text x="10" y="40" font-size="30" font-family="Noto Sans SC">6. Bob 10</text></svg>`;
const p = parseFont(readFileSync(file))!;
for (const drop of [[], ['GSUB'], ['GPOS'], ['GSUB', 'GPOS'], ['BASE']]) {
  const q = { ...p, tables: new Map([...p.tables].filter(([k]) => !drop.includes(k))) };
  writeFileSync('/tmp/sub.ttf', subsetFont(q, svg));
  const png = new Resvg(svg, { font: { fontFiles: ['/tmp/sub.ttf'], loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' } }).render().asPng();
  writeFileSync(`/tmp/d-${drop.join('') || 'none'}.png`, png);
}
const png = new Resvg(svg, { font: { fontFiles: [file], loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' } }).render().asPng();
writeFileSync(`/tmp/d-full.png`, png);
