import { Resvg } from '@resvg/resvg-js';
const font = '/work/wt/h18-charts/node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
const svgNoText = '<svg xmlns="http://www.w3.org/2000/svg" width="500" height="800"><rect width="100" height="100" fill="red"/></svg>';
const svgText = (n: number) => `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="800">${Array.from({length:n},(_, i)=>`<text x="10" y="${20+i*20}" font-family="Noto Sans SC" font-size="14">张伟 Li Na ${i}</text>`).join('')}</svg>`;
const time = (label: string, f: () => void) => { const t = performance.now(); f(); console.log(label, (performance.now() - t).toFixed(1)); };
for (let i = 0; i < 3; i++) {
  time('font, no text', () => new Resvg(svgNoText, { font: { fontFiles: [font], loadSystemFonts: false } }));
  time('font, 1 text', () => new Resvg(svgText(1), { font: { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' } }));
  time('font, 60 text', () => new Resvg(svgText(60), { font: { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' } }));
  time('nofont, 60 text', () => new Resvg(svgText(60), { font: { loadSystemFonts: false } }));
}
