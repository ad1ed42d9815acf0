import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { lazyPage } from '../../ui/lazy-page';

const ProductionDashboardPage = lazyPage(() => import('./dashboard.page'), 'ProductionDashboardPage');
const CollectionPrintPage = lazyPage(() => import('./demand-print.page'), 'CollectionPrintPage');
const OrderPrintPage = lazyPage(() => import('./demand-print.page'), 'OrderPrintPage');
const SalesPlanPrintPage = lazyPage(() => import('./demand-print.page'), 'SalesPlanPrintPage');
const SalesStatsPrintPage = lazyPage(() => import('./demand-print.page'), 'SalesStatsPrintPage');
const DispatchPage = lazyPage(() => import('./dispatch.page'), 'DispatchPage');
const ExceptionPage = lazyPage(() => import('./exception/exception.page'), 'ExceptionPage');
const ExceptionReportPage = lazyPage(() => import('./exception/exception-report.page'), 'ExceptionReportPage');
const ExceptionsPage = lazyPage(() => import('./exception/exceptions.page'), 'ExceptionsPage');
const MachineCardsPage = lazyPage(() => import('./equipment/machine-card.page'), 'MachineCardsPage');
const MachinePhonePage = lazyPage(() => import('./equipment/machine-phone.page'), 'MachinePhonePage');
const MachineScanPage = lazyPage(() => import('./equipment/machine-phone.page'), 'MachineScanPage');
const MachinePage = lazyPage(() => import('./equipment/machine.page'), 'MachinePage');
const MachinesPage = lazyPage(() => import('./equipment/machines.page'), 'MachinesPage');
const MaintenanceDocRedirect = lazyPage(() => import('./equipment/maintenance.page'), 'MaintenanceDocRedirect');
const MaintenancePage = lazyPage(() => import('./equipment/maintenance.page'), 'MaintenancePage');
const MaintenancePlanPage = lazyPage(() => import('./equipment/maintenance.page'), 'MaintenancePlanPage');
const RepairPage = lazyPage(() => import('./equipment/repairs.page'), 'RepairPage');
const RepairsPage = lazyPage(() => import('./equipment/repairs.page'), 'RepairsPage');
const UpkeepPage = lazyPage(() => import('./equipment/upkeep.page'), 'UpkeepPage');
const MasterDataPage = lazyPage(() => import('./master.page'), 'MasterDataPage');
const NoticePage = lazyPage(() => import('./notices.page'), 'NoticePage');
const NoticePrintPage = lazyPage(() => import('./notices.page'), 'NoticePrintPage');
const NoticesPage = lazyPage(() => import('./notices.page'), 'NoticesPage');
const OrderPage = lazyPage(() => import('./order.page'), 'OrderPage');
const OrdersPage = lazyPage(() => import('./orders.page'), 'OrdersPage');
const PlanPrintPage = lazyPage(() => import('./plan-print.page'), 'PlanPrintPage');
const PlanDocumentRedirect = lazyPage(() => import('./plan.page'), 'PlanDocumentRedirect');
const PlanPage = lazyPage(() => import('./plan.page'), 'PlanPage');
const SalesPlanDocumentRedirect = lazyPage(() => import('./plan.page'), 'SalesPlanDocumentRedirect');
const PlansPage = lazyPage(() => import('./plans.page'), 'PlansPage');
const RequestPage = lazyPage(() => import('./requests.page'), 'RequestPage');
const RequestsPage = lazyPage(() => import('./requests.page'), 'RequestsPage');
const MaterialUsagePage = lazyPage(() => import('./requisition/material-usage.page'), 'MaterialUsagePage');
const RequisitionIssuePage = lazyPage(() => import('./requisition/requisition-issue.page'), 'RequisitionIssuePage');
const RequisitionNewPage = lazyPage(() => import('./requisition/requisition-new.page'), 'RequisitionNewPage');
const RequisitionPage = lazyPage(() => import('./requisition/requisition.page'), 'RequisitionPage');
const RequisitionPrintPage = lazyPage(() => import('./requisition/requisition-print.page'), 'RequisitionPrintPage');
const RequisitionsPage = lazyPage(() => import('./requisition/requisitions.page'), 'RequisitionsPage');
const DailySchedulePage = lazyPage(() => import('./report/daily-schedules.page'), 'DailySchedulePage');
const DailySchedulesPage = lazyPage(() => import('./report/daily-schedules.page'), 'DailySchedulesPage');
const MonthEndPage = lazyPage(() => import('./report/month-end.page'), 'MonthEndPage');
const ProgressPage = lazyPage(() => import('./report/progress.page'), 'ProgressPage');
const DailyReportsPage = lazyPage(() => import('./report/reports.page'), 'DailyReportsPage');
const SalesPlanPage = lazyPage(() => import('./sales-plans.page'), 'SalesPlanPage');
const SalesPlansPage = lazyPage(() => import('./sales-plans.page'), 'SalesPlansPage');
const ShipmentsPage = lazyPage(() => import('./shipments.page'), 'ShipmentsPage');
const ChecklistPage = lazyPage(() => import('./shopfloor/checklist.page'), 'ChecklistPage');
const FloorPage = lazyPage(() => import('./shopfloor/floor.page'), 'FloorPage');
const ProcessDocPage = lazyPage(() => import('./shopfloor/process-doc.page'), 'ProcessDocPage');
const ProcessDocsPage = lazyPage(() => import('./shopfloor/process-docs.page'), 'ProcessDocsPage');
const MaterialPlanPrintPage = lazyPage(() => import('./purchase/material-plan-print.page'), 'MaterialPlanPrintPage');
const PurchasePlanPage = lazyPage(() => import('./purchase/purchase-plan.page'), 'PurchasePlanPage');
const PurchasePlanPrintPage = lazyPage(() => import('./purchase/purchase-plan-print.page'), 'PurchasePlanPrintPage');
const PurchasePlanDocumentRedirect = lazyPage(() => import('./purchase/purchase-plans.page'), 'PurchasePlanDocumentRedirect');
const PurchasePlansPage = lazyPage(() => import('./purchase/purchase-plans.page'), 'PurchasePlansPage');
const StockDocumentPage = lazyPage(() => import('./warehouse/document.page'), 'StockDocumentPage');
const StockDocumentPrintPage = lazyPage(() => import('./warehouse/document-print.page'), 'StockDocumentPrintPage');
const DocumentsPage = lazyPage(() => import('./warehouse/documents.page'), 'DocumentsPage');
const LocationsPage = lazyPage(() => import('./warehouse/locations.page'), 'LocationsPage');
const NewStockDocumentPage = lazyPage(() => import('./warehouse/new-document.page'), 'NewStockDocumentPage');
const ShortagesPage = lazyPage(() => import('./warehouse/shortages.page'), 'ShortagesPage');
const StockCardPage = lazyPage(() => import('./warehouse/stock-card.page'), 'StockCardPage');
const StockPage = lazyPage(() => import('./warehouse/stock.page'), 'StockPage');

const menu = (label: { zh: string; en: string }, order: number, permission = 'production.read') => ({
  section: 'production' as const,
  label,
  permission,
  order,
});

export const productionRoutes: AppRoute[] = [
  { path: '/production', element: <ProductionDashboardPage />, menu: menu(tx('计划工作台', 'Planning dashboard'), 1) },
  { path: '/production/plans', element: <PlansPage />, menu: menu(tx('生产计划', 'Production plans'), 2) },
  { path: '/production/plans/:id', element: <PlanPage /> },
  { path: '/production/plans/:id/print', element: <PlanPrintPage /> },
  { path: '/production/plan-doc/:documentId', element: <PlanDocumentRedirect /> },
  { path: '/production/orders', element: <OrdersPage />, menu: menu(tx('订单与汇审', 'Orders and review'), 3) },
  { path: '/production/orders/:id', element: <OrderPage /> },
  { path: '/production/orders/:id/print', element: <OrderPrintPage /> },
  { path: '/production/sales-plans', element: <SalesPlansPage />, menu: menu(tx('销售计划', 'Sales plans'), 4) },
  { path: '/production/sales-plans/:id', element: <SalesPlanPage /> },
  { path: '/production/sales-plans/:id/print', element: <SalesPlanPrintPage /> },
  { path: '/production/sales-plan-doc/:documentId', element: <SalesPlanDocumentRedirect /> },
  { path: '/production/requests', element: <RequestsPage />, menu: menu(tx('专项/临时需求', 'Special requirements'), 5) },
  { path: '/production/requests/:id', element: <RequestPage /> },
  { path: '/production/notices', element: <NoticesPage />, menu: menu(tx('生产通知单', 'Production notices'), 6) },
  { path: '/production/notices/:id', element: <NoticePage /> },
  { path: '/production/notices/:id/print', element: <NoticePrintPage /> },
  { path: '/production/shipments', element: <ShipmentsPage />, menu: menu(tx('出货与月末统计', 'Shipments'), 7) },
  { path: '/production/shipments/print/sales', element: <SalesStatsPrintPage /> },
  { path: '/production/shipments/print/collection', element: <CollectionPrintPage /> },
  { path: '/production/dispatch', element: <DispatchPage />, menu: menu(tx('生产调度例会', 'Dispatch meetings'), 8) },
  { path: '/production/master', element: <MasterDataPage />, menu: menu(tx('基础资料', 'Master data'), 9) },
  { path: '/production/exceptions', element: <ExceptionsPage />, menu: menu(tx('异常上报', 'Exceptions'), 20) },
  { path: '/production/exceptions/new', element: <ExceptionReportPage /> },
  { path: '/production/exceptions/:id', element: <ExceptionPage /> },
  { path: '/production/floor', element: <FloorPage />, menu: menu(tx('现场管理', 'Shop floor'), 21) },
  { path: '/production/floor/checklist', element: <ChecklistPage /> },
  { path: '/production/process-docs', element: <ProcessDocsPage />, menu: menu(tx('工艺文件', 'Process documents'), 22) },
  { path: '/production/process-docs/:id', element: <ProcessDocPage /> },
  { path: '/production/equipment', element: <MachinesPage />, menu: menu(tx('设备台账', 'Machine register'), 40) },
  { path: '/production/equipment/machines/:id', element: <MachinePage /> },
  { path: '/production/equipment/cards', element: <MachineCardsPage /> },
  { path: '/production/equipment/m/:id', element: <MachinePhonePage /> },
  { path: '/public/equipment/:id', element: <MachineScanPage /> },
  { path: '/production/equipment/upkeep', element: <UpkeepPage />, menu: menu(tx('设备日常保养', 'Daily upkeep'), 41) },
  { path: '/production/equipment/maintenance', element: <MaintenancePage />, menu: menu(tx('设备保养计划', 'Maintenance plans'), 42) },
  { path: '/production/equipment/maintenance/:id', element: <MaintenancePlanPage /> },
  { path: '/production/equipment/maintenance-doc/:documentId', element: <MaintenanceDocRedirect /> },
  { path: '/production/equipment/repairs', element: <RepairsPage />, menu: menu(tx('设备维修', 'Machine repairs'), 43) },
  { path: '/production/equipment/repairs/:id', element: <RepairPage /> },
  { path: '/production/plans/:id/materials/print', element: <MaterialPlanPrintPage /> },
  { path: '/production/warehouse', element: <StockPage />, menu: menu(tx('仓库与库存', 'Warehouse and stock'), 10) },
  { path: '/production/warehouse/documents', element: <DocumentsPage /> },
  { path: '/production/warehouse/documents/:id', element: <StockDocumentPage /> },
  { path: '/production/warehouse/documents/:id/print', element: <StockDocumentPrintPage /> },
  { path: '/production/warehouse/new/:kind', element: <NewStockDocumentPage /> },
  { path: '/production/warehouse/items/:id', element: <StockCardPage /> },
  { path: '/production/warehouse/shortages', element: <ShortagesPage /> },
  { path: '/production/warehouse/locations', element: <LocationsPage /> },
  { path: '/production/purchase-plans', element: <PurchasePlansPage />, menu: menu(tx('物资采购计划', 'Purchase plans'), 11) },
  { path: '/production/purchase-plans/:id', element: <PurchasePlanPage /> },
  { path: '/production/purchase-plans/:id/print', element: <PurchasePlanPrintPage /> },
  { path: '/production/purchase-plan-doc/:documentId', element: <PurchasePlanDocumentRedirect /> },
  { path: '/production/requisitions', element: <RequisitionsPage />, menu: menu(tx('领料单', 'Requisitions'), 12) },
  { path: '/production/requisitions/new', element: <RequisitionNewPage /> },
  { path: '/production/requisitions/:id', element: <RequisitionPage /> },
  { path: '/production/requisitions/:id/print', element: <RequisitionPrintPage /> },
  { path: '/production/requisitions/:id/issue', element: <RequisitionIssuePage /> },
  { path: '/production/material-usage', element: <MaterialUsagePage />, menu: menu(tx('用料分析', 'Material usage'), 13) },
  { path: '/production/reports', element: <DailyReportsPage />, menu: menu(tx('生产日报', 'Daily reports'), 14) },
  { path: '/production/progress', element: <ProgressPage />, menu: menu(tx('计划完成情况', 'Plan against completion'), 15) },
  { path: '/production/month-end', element: <MonthEndPage />, menu: menu(tx('月度统计', 'Month-end statistics'), 16) },
  { path: '/production/daily-schedules', element: <DailySchedulesPage />, menu: menu(tx('日生产进度表', 'Daily schedules'), 17) },
  { path: '/production/daily-schedules/:id', element: <DailySchedulePage /> },
];
