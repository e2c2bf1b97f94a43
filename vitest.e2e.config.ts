// The end-to-end suite (npm run test:e2e): real Vault, PostgreSQL and `vault agent`, started by
// scripts/e2e/run.sh. Kept apart from vitest.config.ts so `npm test` needs Node only.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/setup.ts'],
    // One shared Vault whose leases expire on a wall clock: files run one after another.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
