import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
const font = '/work/wt/h18-charts/node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
const names = Array.from({length: 30}, (_, i) => i % 2 ? `张伟${i}` : `Li Na ${i}`);
const opt = { animation:false, textStyle:{fontFamily:'Noto Sans SC'}, title: { text: '华东 周排行榜（2026-11-23 至 2026-11-29）' },
  grid: { left: 10, right: 50, top: 50, bottom: 10, containLabel: true },
  xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true, data: names },
  series: [{ type: 'bar', data: names.map((_, i) => 100 - i * 3), label: { show: true, position: 'right' } }] };
for (let i = 0; i < 4; i++) {
  let t = performance.now();
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 500, height: 800 }); c.setOption(opt); const svg = c.renderToSVGString(); c.dispose();
  const t1 = performance.now() - t; t = performance.now();
  const r = new Resvg(svg, { fitTo: { mode: 'width', value: 1000 }, font: { fontFiles: [font], loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' } });
  const t2 = performance.now() - t; t = performance.now();
  const img = r.render(); const t3 = performance.now() - t; t = performance.now();
  const png = img.asPng(); const t4 = performance.now() - t;
  const r2 = new Resvg(svg, { fitTo: { mode: 'width', value: 1000 }, font: { loadSystemFonts: false } });
  t = performance.now(); r2.render().asPng(); const t5 = performance.now() - t;
  console.log({ t1, t2, t3, t4, nofont: t5, svg: svg.length });
}
