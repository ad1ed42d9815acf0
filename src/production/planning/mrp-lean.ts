// The MRP kernels without the input schemas: what `zhidu plan mrp` loads to run (issue 11, CLI
// start). Importing zod and building every planning schema took about 60 ms of the command's
// start; the schemas (`#production/planning`) are loaded only to name the field of a refused
// input. The planning index re-exports everything here.

export { LOT_EPSILON, NET_EPSILON } from './lot-size.rule.js';
export type { MrpItemsTable } from './mrp-output.writer.js';
export { compactMrpItems, mrpItemOrder, mrpItemsTable, mrpJsonFrame, writeMrpItems, writeMrpJson } from './mrp-output.writer.js';
export type { MrpPlant } from './mrp-plant.indexer.js';
export { indexMrpInput } from './mrp-plant.indexer.js';
export type { MrpResult } from './mrp.kernel.js';
export { runMrpIndexed } from './mrp.kernel.js';
export { isMrpInputShape } from './mrp-shape.check.js';
export type { MrpInput } from './mrp.schema.js';
export { PlanningInputError } from './planning-input.error.js';
