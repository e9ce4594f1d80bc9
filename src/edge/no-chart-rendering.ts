/**
 * Stands in for @resvg/resvg-js in the Cloudflare Worker bundle (wrangler.toml `[alias]`): its
 * native addon cannot run on workerd. Charts are drawn by Node processes; on the Worker a chart's
 * render fails with this error and the post goes out as text alone (see src/charts/attach-charts.ts).
 */
export class Resvg {
  constructor() {
    throw new Error('charts are drawn on Node only: @resvg/resvg-js is a native addon workerd cannot load');
  }
}
