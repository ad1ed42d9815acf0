import { defineConfig } from 'vitest/config';

// The storage and API suites again, on a real PostgreSQL server (ZHIDU_TEST_DRIVER=pg).
export default defineConfig({
  test: {
    include: ['src/**/*.service.test.ts', 'src/**/*.storage.test.ts', 'tests/api/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
