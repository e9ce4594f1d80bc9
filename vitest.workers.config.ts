import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';

const require = createRequire(import.meta.url);

/**
 * The files the Worker imports as text (wrangler.toml [[rules]] type = "Text", src/edge/bundled-scripts.ts),
 * given to the test Worker as string modules: the pool's own text-module path cannot follow a
 * node_modules outside the project root (a git worktree's symlink), and Scalar's `exports` hide its
 * browser bundle from Vite (wrangler's bundler falls back to a plain file lookup).
 */
const textModules: Record<string, { id: string; file: string }> = {
  'echarts/dist/echarts.min.js': { id: '\0legwork-text:echarts', file: require.resolve('echarts/dist/echarts.min.js') },
  '@scalar/api-reference/dist/browser/standalone.js': { id: '\0legwork-text:scalar', file: join(dirname(require.resolve('@scalar/api-reference')), 'browser', 'standalone.js') },
};

/**
 * The Workers tests (test/workers/*.workers.test.ts): the Worker's own code runs inside workerd
 * (@cloudflare/vitest-pool-workers, settings from wrangler.toml) against the PostgreSQL of
 * DATABASE_URL through the HYPERDRIVE binding; global-setup.ts (Node) creates and migrates the
 * database and starts the platform fakes. Without DATABASE_URL the tests skip.
 * Run by `npm run test:workers`; .ci/run runs it after `npm test` on the real-services pass.
 */
export default defineConfig({
  plugins: [
    {
      name: 'legwork-text-modules',
      enforce: 'pre',
      // Ids that do not look like the files, so the pool's wrangler [[rules]] do not claim them.
      resolveId: (source) => textModules[source]?.id,
      load(id) {
        const file = Object.values(textModules).find((m) => m.id === id)?.file;
        return file ? `export default ${JSON.stringify(readFileSync(file, 'utf8'))};` : undefined;
      },
    },
    cloudflareTest(({ inject }) => ({
      main: './src/edge/worker.ts',
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        // The database global-setup.ts made (wrangler.toml's localConnectionString otherwise).
        ...(inject('workerDatabaseUrl') ? { hyperdrives: { HYPERDRIVE: inject('workerDatabaseUrl') } } : {}),
      },
    })),
  ],
  resolve: {
    // Vite would load pg-protocol's ESM build through pg's require() (which workerd refuses) and
    // pg-cloudflare's empty non-workerd build: point both at what wrangler's bundler picks.
    alias: [
      { find: /^pg-protocol$/, replacement: require.resolve('pg-protocol') },
      { find: /^pg-cloudflare$/, replacement: join(dirname(require.resolve('pg-cloudflare/package.json')), 'dist/index.js') },
    ],
  },
  test: {
    name: 'workers',
    include: ['test/workers/**/*.workers.test.ts'],
    globalSetup: ['test/workers/global-setup.ts'],
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
