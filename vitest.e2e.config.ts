import { defineConfig } from 'vitest/config';

// Browser journeys: one fork, one file at a time (each file starts a server and a browser).
export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    include: ['tests/e2e/**/*.e2e.test.ts'],
    setupFiles: ['tests/e2e/setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    // expect.poll waits on a condition as long as a browser action does (20 s, the harness's default),
    // not vitest's 1 s: a journey on a loaded CI machine waits for the server, it does not fail.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    // The first run may build the web app before the server starts.
    hookTimeout: 600_000,
  },
});
