// The one place the benchmarks reach into src/: they measure the kernels and
// their internals (LP builder, reference implementation) directly, which the
// module-boundary lint rule is right to forbid everywhere else.

// biome-ignore lint/style/noRestrictedImports: benchmarks measure the planning module from outside src
export * from '../../src/production/planning/index.js';
// biome-ignore lint/style/noRestrictedImports: the LP build is timed on its own
export { buildAggregateLp, normalizeAggregateInput } from '../../src/production/planning/aggregate-model.builder.js';
// biome-ignore lint/style/noRestrictedImports: the WASM load is timed on its own
export { loadHighsRuntime } from '../../src/production/planning/highs-runtime.loader.js';
// biome-ignore lint/style/noRestrictedImports: the naive implementation is the speed baseline
export { runMrpReference } from '../../src/production/planning/mrp.reference.js';
// biome-ignore lint/style/noRestrictedImports: the app's MRP path (plan approval, capacity check) is timed without its database reads
export { explodeSchedule } from '../../src/production/mrp/index.js';
// biome-ignore lint/style/noRestrictedImports: the master data the app's MRP path reads, built in memory
export type { PlanningMaster } from '../../src/production/master/index.js';
