import { defineModule } from '#core/http';
import { onPlanIssuedAssess } from './assessment/index';
import { findProductionInbox, productionHomeSource } from './dashboard/index';
import { demandDocumentTypes, demandTransitionHooks, ORDER_REVIEW_DOC, ordersExcelTable, salesPlansExcelTable, shipmentsExcelTable } from './demand/index';
import { seedProductionDemo } from './demo/index';
import { exceptionJobs, findExceptionInbox, onCustomerChangeSubmit } from './exception/index';
import { findFloorInbox, processDocumentTypes, processGuards } from './shopfloor/index';
import { machinesExcelTable, maintenanceDocumentTypes, maintenanceGuards, maintenanceTransitionHooks } from './equipment/index';
import { bomExcelTable, itemsExcelTable, routingsExcelTable, workshopsExcelTable } from './master/index';
import { onOrderApprovedForPlans, PLAN_DOC_TYPES, planDocumentTypes, planGuards, planTransitionHooks } from './plan/index';
import { PRODUCTION_PERMISSIONS } from './production.permissions';
import { findShortageInbox, purchaseDocumentTypes, purchaseGuards } from './purchase/index';
import { stockCountExcelTable } from './warehouse/index';
import { findRequisitionInbox } from './requisition/index';
import { productionJobs } from './production.jobs';
import { productionRouteModules } from './production.routes';
import { findCoordinationInbox, scheduleDocumentTypes, scheduleGuards, scheduleTransitionHooks } from './report/index';

const assessedPlans = [PLAN_DOC_TYPES.monthly, PLAN_DOC_TYPES.special, PLAN_DOC_TYPES.temporary];

/** Production planning (生产计划管理, PP-1 … PP-13, PP-21, PP-27) under /api/production. */
export const productionModule = defineModule({
  name: 'production',
  label: { zh: '生产计划管理', en: 'Production planning' },
  defaultFor: ['enterprise'],
  permissions: PRODUCTION_PERMISSIONS,
  policySections: ['production', 'assessment'],
  routes: productionRouteModules,
  jobs: [...productionJobs, ...exceptionJobs],
  documentTypes: [
    ...demandDocumentTypes,
    ...planDocumentTypes,
    ...processDocumentTypes,
    ...maintenanceDocumentTypes,
    ...purchaseDocumentTypes,
    ...scheduleDocumentTypes,
  ],
  guards: [...planGuards, ...processGuards, ...maintenanceGuards, ...purchaseGuards, ...scheduleGuards],
  // Order matters: demand's order-review hook (the order becomes a 销售计划单) runs before
  // the plan's check of the order against the monthly plan (PP-12).
  transitionHooks: [
    ...demandTransitionHooks,
    { docType: ORDER_REVIEW_DOC, fn: onOrderApprovedForPlans },
    ...planTransitionHooks,
    ...assessedPlans.map((docType) => ({ docType, fn: onPlanIssuedAssess })),
    // T3 第十五条: a monthly plan adjusted for a customer change goes up with the GM's step.
    { docType: PLAN_DOC_TYPES.monthly, fn: onCustomerChangeSubmit },
    ...maintenanceTransitionHooks,
    ...scheduleTransitionHooks,
  ],
  inboxSources: [
    { name: 'production', find: findProductionInbox },
    { name: 'production.exception', find: findExceptionInbox },
    { name: 'production.floor', find: findFloorInbox },
    { name: 'production.shortages', find: findShortageInbox },
    { name: 'production.requisition', find: findRequisitionInbox },
    { name: 'production.coordination', find: findCoordinationInbox },
  ],
  homeSources: [productionHomeSource],
  excelTables: [
    itemsExcelTable,
    bomExcelTable,
    routingsExcelTable,
    workshopsExcelTable,
    machinesExcelTable,
    stockCountExcelTable,
    salesPlansExcelTable,
    ordersExcelTable,
    shipmentsExcelTable,
  ],
  demo: seedProductionDemo,
});
