/**
 * esbuild options shared by scripts/build.mjs (what `npm start` runs) and the charts bench's memory
 * probe (bench/charts.ts), so the bench measures the process production runs.
 *
 * npm packages stay imports, except ECharts (with zrender and tslib, its own dependencies), which
 * is bundled so esbuild drops the parts the charts do not use. Why: loaded by Node as its ~600 ES
 * modules, ECharts added ~33 MB of resident memory to the process on the first chart; bundled and
 * tree-shaken (~1.3 MB of code) it adds ~7 MB (issue 18's renderer budget is 60 MB).
 */
const bundledPackages = /^(echarts|zrender|tslib)(\/|$)/;

/** @type {import('esbuild').Plugin} */
const externalPackagesButECharts = {
  name: 'external-packages-but-echarts',
  setup(build) {
    // A bare specifier (`pg`, `node:fs`, `@slack/bolt`): left as an import unless it is ECharts'.
    build.onResolve({ filter: /^[^./]/ }, (args) => (bundledPackages.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

/** @type {import('esbuild').BuildOptions} */
export const bundleOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalPackagesButECharts],
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
};
