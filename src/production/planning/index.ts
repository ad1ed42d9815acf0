// Public API of the planning kernels: pure functions, no I/O, no clock.

export type { PlanningIssue } from './planning-input.error.js';

// MRP: the lean door (kernels, writer, shape check, PlanningInputError, lot epsilons) and the rest.
export * from './mrp-lean.js';
export type { BomLine, ItemPeriodQty, LotSizing, MrpItem } from './mrp.schema.js';
export { MrpInputSchema, parseMrpInput, parseMrpPlant } from './mrp.schema.js';
export type { BomGraph } from './bom-graph.kernel.js';
export { buildBomGraph } from './bom-graph.kernel.js';
export type { MrpItemPlan, MrpOutput, PastDueRelease } from './mrp.kernel.js';
export { formatMrpResult, runMrp } from './mrp.kernel.js';
export type { MrpEdit, NetChangeReport } from './mrp-net-change.kernel.js';
export { cloneMrpResult, recomputeMrpNetChange } from './mrp-net-change.kernel.js';

// Aggregate plan
export type { AggregateFamily, AggregateInput } from './aggregate.schema.js';
export { AggregateInputSchema, parseAggregateInput } from './aggregate.schema.js';
export type { AggregateLimitGroup } from './aggregate-model.builder.js';
export type {
  AggregateCostBreakdown,
  AggregateFamilyPlan,
  AggregatePeriodPlan,
  AggregatePlanResult,
  SolveAggregateOptions,
} from './aggregate.kernel.js';
export { solveAggregatePlan } from './aggregate.kernel.js';

// Capacity load
export type { CapacityInput } from './capacity.schema.js';
export { CapacityInputSchema, parseCapacityInput } from './capacity.schema.js';
export type {
  CapacityCell,
  CapacityLoadResult,
  ItemLoad,
  OutOfHorizonLoad,
  WorkshopLoad,
} from './capacity.kernel.js';
export { computeCapacityLoad } from './capacity.kernel.js';
