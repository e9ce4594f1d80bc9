import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let cached: Promise<string> | undefined;

/**
 * Apache ECharts for the console's charts, read once from the installed package
 * (node_modules/echarts/dist/echarts.min.js). Node only: the Worker bundles the same file as a text
 * module (src/edge/bundled-scripts.ts).
 */
export function readEchartsScript(): Promise<string> {
  cached ??= readFile(require.resolve('echarts/dist/echarts.min.js'), 'utf8');
  return cached;
}
