import { onDocumentTransition, registerInboxSource } from '#core/approval';
import { registerExcelTable } from '#core/excel';
import type { RouteModule } from '#core/http';
import { onPlanIssuedAssess } from './assessment/index';
import { findProductionInbox } from './dashboard/index';
import { ORDER_REVIEW_DOC, registerDemandWorkflow } from './demand/index';
import { bomExcelTable, itemsExcelTable, routingsExcelTable, workshopsExcelTable } from './master/index';
import { onOrderApprovedForPlans, PLAN_DOC_TYPES, registerPlanWorkflow } from './plan/index';
import { productionRouteModules } from './production.routes';

// Registration order matters: the order-review hook of demand (the order becomes a 销售计划单)
// runs before the plan's check of the order against the monthly plan (PP-12).
registerDemandWorkflow();
registerPlanWorkflow();
onDocumentTransition(ORDER_REVIEW_DOC, onOrderApprovedForPlans);
for (const docType of [PLAN_DOC_TYPES.monthly, PLAN_DOC_TYPES.special, PLAN_DOC_TYPES.temporary]) onDocumentTransition(docType, onPlanIssuedAssess);
registerInboxSource('production', findProductionInbox);

/** Production planning (生产计划管理, PP-1 … PP-13, PP-21, PP-27) under /api/production. */
export const productionRoutes: RouteModule = async (app, ctx) => {
  for (const table of [itemsExcelTable, bomExcelTable, routingsExcelTable, workshopsExcelTable]) registerExcelTable(table);
  for (const mount of productionRouteModules) await mount(app, ctx);
};

export { seedProductionDemo } from './demo/index';
export { productionJobs, runPlantDailyDuties } from './production.jobs';

export type { CapacityView, HeatCell, HeatRow, Overload } from './capacity';
