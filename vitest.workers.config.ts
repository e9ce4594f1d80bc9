import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';

const require = createRequire(import.meta.url);

/**
 * The Workers tests (test/workers/*.workers.test.ts): the Worker's own code runs inside workerd
 * (@cloudflare/vitest-pool-workers, settings from wrangler.toml) against the PostgreSQL of
 * DATABASE_URL through the HYPERDRIVE binding; global-setup.ts (Node) creates and migrates the
 * database and starts the platform fakes. Without DATABASE_URL the tests skip.
 * Run by `npm run test:workers`; .ci/run runs it after `npm test` on the real-services pass.
 */
export default defineConfig({
  plugins: [
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
