export {
  CHANGE_KINDS,
  ORDER_KINDS,
  ORDER_STATES,
  prodMonthReports,
  prodOrderChanges,
  prodOrderLines,
  prodOrderReviews,
  prodOrders,
  prodSalesPlanLines,
  prodSalesPlans,
  prodShipments,
  REVIEW_PARTIES,
  SALES_PLAN_KINDS,
} from './demand.schema';
export type { ChangeKind, OrderKind, OrderLineRow, OrderRow, OrderState, ReviewParty, SalesPlanKind } from './demand.schema';
export { changeNotice, REVIEW_PARTY_LABELS, reviewGaps, summariseCollection, summariseSales } from './demand.rules';
export {
  createSalesPlan,
  ensureForecastDeadline,
  FORECAST_SUBJECT,
  findSalesPlans,
  getSalesPlan,
  saveSalesPlanLines,
  salesPlanPeriod,
} from './sales-plan.service';
export type { SalesPlanLineInput, SalesPlanPeriod } from './sales-plan.service';
export { cancelOrder, createOrder, findOrderLines, findOrders, getOrder, getOrderRow, orderLink, updateOrder } from './order.service';
export type { OrderInput, OrderLineInput } from './order.service';
export { concludeReview, ORDER_REVIEW_DOC, recordReviewOpinion } from './order-review.service';
export { applyCustomerChange, rejectCustomerChange, requestCustomerChange } from './customer-change.service';
export { ordersExcelTable } from './order.sheet';
export { salesPlansExcelTable } from './sales-plan.sheet';
export { shipmentsExcelTable } from './shipment.sheet';
export { findShipmentPlan, getMonthSummary, recordShipment, SALES_STATISTICS_SUBJECT, submitMonthReport } from './shipment.service';
export { findDemandForPeriod, sumApprovedOrders } from './demand-query';
export type { DemandFact } from './demand-query';
export { demandDocumentTypes, demandTransitionHooks } from './demand-workflow';
export { makeDemandRoutes } from './demand.routes';
export type { DemandRouteDeps } from './demand.routes';
