import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { ProductionDashboardPage } from './dashboard.page';
import { DispatchPage } from './dispatch.page';
import { ExceptionPage } from './exception/exception.page';
import { ExceptionReportPage } from './exception/exception-report.page';
import { ExceptionsPage } from './exception/exceptions.page';
import { MachineCardsPage } from './equipment/machine-card.page';
import { MachinePhonePage, MachineScanPage } from './equipment/machine-phone.page';
import { MachinePage } from './equipment/machine.page';
import { MachinesPage } from './equipment/machines.page';
import { MaintenanceDocRedirect, MaintenancePage, MaintenancePlanPage } from './equipment/maintenance.page';
import { RepairPage, RepairsPage } from './equipment/repairs.page';
import { UpkeepPage } from './equipment/upkeep.page';
import { MasterDataPage } from './master.page';
import { NoticePage, NoticePrintPage, NoticesPage } from './notices.page';
import { OrderPage } from './order.page';
import { OrdersPage } from './orders.page';
import { PlanPrintPage } from './plan-print.page';
import { PlanDocumentRedirect, PlanPage, SalesPlanDocumentRedirect } from './plan.page';
import { PlansPage } from './plans.page';
import { RequestPage, RequestsPage } from './requests.page';
import { MaterialUsagePage } from './requisition/material-usage.page';
import { RequisitionIssuePage } from './requisition/requisition-issue.page';
import { RequisitionNewPage } from './requisition/requisition-new.page';
import { RequisitionPage } from './requisition/requisition.page';
import { RequisitionPrintPage } from './requisition/requisition-print.page';
import { RequisitionsPage } from './requisition/requisitions.page';
import { DailySchedulePage, DailySchedulesPage } from './report/daily-schedules.page';
import { MonthEndPage } from './report/month-end.page';
import { ProgressPage } from './report/progress.page';
import { DailyReportsPage } from './report/reports.page';
import { SalesPlanPage, SalesPlansPage } from './sales-plans.page';
import { ShipmentsPage } from './shipments.page';
import { ChecklistPage } from './shopfloor/checklist.page';
import { FloorPage } from './shopfloor/floor.page';
import { ProcessDocPage } from './shopfloor/process-doc.page';
import { ProcessDocsPage } from './shopfloor/process-docs.page';
import { MaterialPlanPrintPage } from './purchase/material-plan-print.page';
import { PurchasePlanPage } from './purchase/purchase-plan.page';
import { PurchasePlanPrintPage } from './purchase/purchase-plan-print.page';
import { PurchasePlanDocumentRedirect, PurchasePlansPage } from './purchase/purchase-plans.page';
import { StockDocumentPage } from './warehouse/document.page';
import { StockDocumentPrintPage } from './warehouse/document-print.page';
import { DocumentsPage } from './warehouse/documents.page';
import { LocationsPage } from './warehouse/locations.page';
import { NewStockDocumentPage } from './warehouse/new-document.page';
import { ShortagesPage } from './warehouse/shortages.page';
import { StockCardPage } from './warehouse/stock-card.page';
import { StockPage } from './warehouse/stock.page';

const menu = (label: { zh: string; en: string }, order: number, permission = 'production.read') => ({ section: 'production' as const, label, permission, order });

export const productionRoutes: AppRoute[] = [
  { path: '/production', element: <ProductionDashboardPage />, menu: menu(tx('计划工作台', 'Planning dashboard'), 1) },
  { path: '/production/plans', element: <PlansPage />, menu: menu(tx('生产计划', 'Production plans'), 2) },
  { path: '/production/plans/:id', element: <PlanPage /> },
  { path: '/production/plans/:id/print', element: <PlanPrintPage /> },
  { path: '/production/plan-doc/:documentId', element: <PlanDocumentRedirect /> },
  { path: '/production/orders', element: <OrdersPage />, menu: menu(tx('订单与汇审', 'Orders and review'), 3) },
  { path: '/production/orders/:id', element: <OrderPage /> },
  { path: '/production/sales-plans', element: <SalesPlansPage />, menu: menu(tx('销售计划', 'Sales plans'), 4) },
  { path: '/production/sales-plans/:id', element: <SalesPlanPage /> },
  { path: '/production/sales-plan-doc/:documentId', element: <SalesPlanDocumentRedirect /> },
  { path: '/production/requests', element: <RequestsPage />, menu: menu(tx('专项/临时需求', 'Special requirements'), 5) },
  { path: '/production/requests/:id', element: <RequestPage /> },
  { path: '/production/notices', element: <NoticesPage />, menu: menu(tx('生产通知单', 'Production notices'), 6) },
  { path: '/production/notices/:id', element: <NoticePage /> },
  { path: '/production/notices/:id/print', element: <NoticePrintPage /> },
  { path: '/production/shipments', element: <ShipmentsPage />, menu: menu(tx('出货与月末统计', 'Shipments'), 7) },
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
