import type { Hono } from 'hono';
import type { ConsoleEnv } from './console-context.ts';
import { consoleStyle } from './console-style.ts';
import { chartsScript } from './charts-script.ts';

/**
 * The console's static files, all served by Legwork (no CDN): its stylesheet, its chart script, and
 * Apache ECharts (echarts/dist/echarts.min.js), which the host supplies: Node reads it from
 * node_modules, the Worker has it bundled as a text module.
 */
export function mountAssets(app: Hono<ConsoleEnv>, echartsScript: () => Promise<string>): void {
  const cached = { 'cache-control': 'public, max-age=3600' };
  app.get('/assets/console.css', (c) => c.body(consoleStyle, 200, { 'content-type': 'text/css; charset=utf-8', ...cached }));
  app.get('/assets/charts.js', (c) => c.body(chartsScript, 200, { 'content-type': 'text/javascript; charset=utf-8', ...cached }));
  app.get('/assets/echarts.min.js', async (c) => c.body(await echartsScript(), 200, { 'content-type': 'text/javascript; charset=utf-8', ...cached }));
}
