import type { AppRoute } from '../../app/route-types';
import { tx } from '../../ui/i18n';
import { ProductionDashboardPage } from './dashboard.page';
import { DispatchPage } from './dispatch.page';
import { MasterDataPage } from './master.page';
import { NoticePage, NoticePrintPage, NoticesPage } from './notices.page';
import { OrderPage } from './order.page';
import { OrdersPage } from './orders.page';
import { PlanPrintPage } from './plan-print.page';
import { PlanDocumentRedirect, PlanPage, SalesPlanDocumentRedirect } from './plan.page';
import { PlansPage } from './plans.page';
import { RequestPage, RequestsPage } from './requests.page';
import { DailySchedulePage, DailySchedulesPage } from './report/daily-schedules.page';
import { MonthEndPage } from './report/month-end.page';
import { ProgressPage } from './report/progress.page';
import { DailyReportsPage } from './report/reports.page';
import { SalesPlanPage, SalesPlansPage } from './sales-plans.page';
import { ShipmentsPage } from './shipments.page';

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
  { path: '/production/reports', element: <DailyReportsPage />, menu: menu(tx('生产日报', 'Daily reports'), 20) },
  { path: '/production/progress', element: <ProgressPage />, menu: menu(tx('计划完成情况', 'Plan against completion'), 21) },
  { path: '/production/month-end', element: <MonthEndPage />, menu: menu(tx('月度统计', 'Month-end statistics'), 22) },
  { path: '/production/daily-schedules', element: <DailySchedulesPage />, menu: menu(tx('日生产进度表', 'Daily schedules'), 23) },
  { path: '/production/daily-schedules/:id', element: <DailySchedulePage /> },
];
