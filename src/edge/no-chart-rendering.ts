import { ChartsUnavailableError } from '../charts/charts-unavailable.ts';

/**
 * Stands in for the server-side chart renderer in the Cloudflare Worker bundle (wrangler.toml
 * `[alias]`): src/charts/render-png.ts (ECharts' SVG renderer, zrender, the font tables, about
 * 2 MB of script) and @resvg/resvg-js, whose native addon cannot run on workerd. Charts are drawn
 * by Node processes; on the Worker `renderPng` says so (ChartsUnavailableError) and a post goes out
 * as text alone (src/charts/attach-charts.ts).
 */
export async function renderPng(): Promise<never> {
  throw new ChartsUnavailableError();
}

export class Resvg {
  constructor() {
    throw new ChartsUnavailableError();
  }
}
