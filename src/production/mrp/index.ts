export { prodPlanMaterials } from './mrp.schema';
export type { PlanMaterialRow } from './mrp.schema';
export { buildMrpRun, materialRows, summariseMaterials, withoutBoughtLeaves } from './mrp.rules';
export type { MaterialRow, MaterialSummary, MasterSchedule, MrpBomFacts, MrpItemFacts, MrpRun } from './mrp.rules';
export { explodeSchedule, findPlanMaterialRows, findPlanMaterials, mrpFacts, storePlanMaterials } from './mrp.service';
export type { ScheduleFacts } from './mrp.service';
