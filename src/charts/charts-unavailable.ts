/**
 * Thrown where this runtime cannot draw charts: the Cloudflare Worker bundles a stand-in for
 * @resvg/resvg-js (src/edge/no-chart-rendering.ts), whose native addon workerd cannot load.
 * Expected there, so a post goes out as text alone; any other render failure is a fault and fails
 * the job like any other (logged by the runner, retried).
 */
export class ChartsUnavailableError extends Error {
  constructor() {
    super('charts are drawn on Node only: @resvg/resvg-js is a native addon workerd cannot load');
    this.name = 'ChartsUnavailableError';
  }
}
