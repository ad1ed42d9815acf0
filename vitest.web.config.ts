import { defineConfig } from 'vitest/config';

// Component tests of the web app (issue 16): React components, hooks and pure web modules in
// happy-dom, next to the code they test (web/src/**/*.test.ts(x)). No browser, no server: the
// network is faked at fetch (web/src/ui/api.ts is the one place the web app calls it).
// `#core/...`, `#production` … resolve through package.json "imports", as in the web build.
// One file: npx vitest run --config vitest.web.config.ts web/src/ui/list-table.test.tsx
export default defineConfig({
  test: {
    include: ['web/src/**/*.test.ts', 'web/src/**/*.test.tsx'],
    environment: 'happy-dom',
    setupFiles: ['web/src/test-setup.ts'],
    pool: 'forks',
    // One module graph for all files of a worker: antd loads once, not once per file (about 5×
    // faster). web/src/test-setup.ts puts the app's module state back after every test.
    isolate: false,
    testTimeout: 30_000,
  },
});
