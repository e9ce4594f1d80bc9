import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Hono } from 'hono';
import type { ConsoleEnv } from './console-context.ts';
import { consoleStyle } from './console-style.ts';
import { chartsScript } from './charts-script.ts';

const require = createRequire(import.meta.url);

/**
 * The console's static files, all served by Legwork (no CDN): its stylesheet, its chart script, and
 * Apache ECharts from the installed package (node_modules/echarts/dist/echarts.min.js), read once.
 */
export function mountAssets(app: Hono<ConsoleEnv>): void {
  let echarts: Promise<string> | undefined;
  const cached = { 'cache-control': 'public, max-age=3600' };
  app.get('/assets/console.css', (c) => c.body(consoleStyle, 200, { 'content-type': 'text/css; charset=utf-8', ...cached }));
  app.get('/assets/charts.js', (c) => c.body(chartsScript, 200, { 'content-type': 'text/javascript; charset=utf-8', ...cached }));
  app.get('/assets/echarts.min.js', async (c) => {
    echarts ??= readFile(require.resolve('echarts/dist/echarts.min.js'), 'utf8');
    return c.body(await echarts, 200, { 'content-type': 'text/javascript; charset=utf-8', ...cached });
  });
}
