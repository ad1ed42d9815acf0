// The purchase plan (PP-15, T4 第二十三、二十四条): compiled from the issued plan's MRP, the
// stock standards, on hand and open orders; approved level by level; its lines are the open
// purchase orders the warehouse receives against. Also the shortages ahead (第二十六、二十七条)
// and the production plan's material view (issue 14 item 10).
export { prodPurchaseLines, prodPurchasePlanItems, prodPurchasePlans } from './purchase.schema';
export type { PurchaseLineRow, PurchasePlanRow } from './purchase.schema';
export { consolidate, periodStartOf, planMaterialPurchase, sizeToLot, supplierTotals, totalsByUnit } from './purchase.rules';
export type { LotPolicy, MaterialFacts, MaterialPurchase, OrderPeriod, PlannedOrder, SupplierTotal } from './purchase.rules';
export { groupByPeriod, netMaterials } from './material-plan.rules';
export { projectShortage } from './shortage.rules';
export { findOpenOrders, ORDERING_STATES } from './open-orders.query';
export { compilePurchasePlan, computePurchase, getPurchasePlanRow, PURCHASE_PLAN_DOC, recompilePurchasePlan } from './purchase-plan.service';
export { findOpenOrderLines, findPurchasePlans, getPurchasePlanView, purchasePlanLink } from './purchase-plan.query';
export { postPurchaseReceipt } from './purchase-receipt.service';
export { findShortageInbox, findShortages } from './shortage.service';
export { getMaterialPlan } from './material-plan.service';
export { purchaseDocumentTypes, purchaseGuards } from './purchase-workflow';
export { purchaseRoutes } from './purchase.routes';
export type {
  MaterialPlanView,
  OpenOrderLine,
  PurchaseLine,
  PurchasePlanSummary,
  PurchasePlanView,
  PurchaseReceiptBody,
  ShortageView,
} from './purchase.contract';
