import { buildPgliteTemplate, ensurePgliteTemplate } from '#core/db';

// Once per test run, before any test file: the migrated PGlite template every test database starts
// from (npm install usually made it already; a new migration makes a new one here).
export default async function setup(): Promise<void> {
  await ensurePgliteTemplate(buildPgliteTemplate);
}
