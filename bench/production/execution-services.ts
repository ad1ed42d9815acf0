// The one place the execution benchmarks reach into src/: they time the services the routes
// call (the same functions, the same transactions), without HTTP in the figure.

// biome-ignore lint/style/noRestrictedImports: benchmarks time the production services from outside src
export { prodItems } from '../../src/production/master/index.js';
// biome-ignore lint/style/noRestrictedImports: benchmarks time the production services from outside src
export { getPlanRow } from '../../src/production/plan/index.js';
// biome-ignore lint/style/noRestrictedImports: benchmarks time the production services from outside src
export { compilePurchasePlan, computePurchase } from '../../src/production/purchase/index.js';
// biome-ignore lint/style/noRestrictedImports: benchmarks time the production services from outside src
export { submitReport } from '../../src/production/report/index.js';
// biome-ignore lint/style/noRestrictedImports: benchmarks time the production services from outside src
export { checkRequisitionPosting } from '../../src/production/requisition/index.js';
// biome-ignore lint/style/noRestrictedImports: benchmarks time the production services from outside src
export { issueMonthlyPlan, newExecutionPeople, newPlant, newRolePerson } from '../../src/production/testing/index.js';
// biome-ignore lint/style/noRestrictedImports: benchmarks time the production services from outside src
export { findOnHand, findStockSummary, postStockDocument } from '../../src/production/warehouse/index.js';
