import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bots/**/*.test.ts', 'jobs/**/*.test.ts', 'test/**/*.test.ts'],
    // The Cloudflare Worker's tests run inside workerd: `npm run test:workers` (vitest.workers.config.ts).
    exclude: ['test/workers/**', '**/node_modules/**'],
    pool: 'forks',
    maxWorkers: 2,
    // PGlite takes a few seconds to boot a fresh database per file.
    hookTimeout: 180_000,
    testTimeout: 60_000,
  },
});
