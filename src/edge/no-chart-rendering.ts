import { ChartsUnavailableError } from '../charts/charts-unavailable.ts';

/**
 * Stands in for @resvg/resvg-js in the Cloudflare Worker bundle (wrangler.toml `[alias]`): its
 * native addon cannot run on workerd. Charts are drawn by Node processes; on the Worker a post goes
 * out as text alone (see src/charts/attach-charts.ts).
 */
export class Resvg {
  constructor() {
    throw new ChartsUnavailableError();
  }
}
