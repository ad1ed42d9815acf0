export {
  ITEM_CATEGORIES,
  ITEM_SOURCES,
  LOCATION_KINDS,
  LOT_RULES,
  prodBomLines,
  prodItems,
  prodLocations,
  prodRoutingOps,
  prodStock,
  prodStockBalances,
  prodWorkshopDays,
  prodWorkshops,
} from './master.schema';
export type {
  BomLineRow,
  ItemCategory,
  ItemRow,
  ItemSource,
  LocationKind,
  LocationRow,
  LotRule,
  RoutingOpRow,
  StockRow,
  WorkshopDayRow,
  WorkshopRow,
} from './master.schema';
export { effectiveQtyPer, findBomCycle, regularDayHours, workshopDayHours } from './master.rules';
export type { WorkshopPattern } from './master.rules';
export { approveSafetyStock, createItem, findItems, getItemRow, updateItem, updateStock } from './item.service';
export type { ItemInput, ItemView } from './item.service';
export { createBomLine, deleteBomLine, findBomLines, updateBomLine } from './bom.service';
export { createWorkshop, findWorkshops, getWorkshopRow, loadWorkshopCapacity, setWorkshopDay, updateWorkshop } from './workshop.service';
export type { CalendarHooks, WorkshopCapacity, WorkshopInput } from './workshop.service';
export { findRoutingOps, saveRouting } from './routing.service';
export { findOnHandByItem, loadPlanningFacts, loadPlanningMaster, type PlanningFacts } from './planning-master.service';
export type { PlanningMaster, StockFacts } from './planning-master.service';
export { itemsExcelTable } from './item.sheet';
export { bomExcelTable, routingsExcelTable, workshopsExcelTable } from './structure.sheet';
export { makeMasterRoutes, masterRoutes } from './master.routes';
export type { MasterRouteHooks } from './master.routes';
export { prodCapacityLosses } from './capacity-loss.schema';
export type { CapacityLossRow } from './capacity-loss.schema';
export { coveredPartOfDay, deductCapacityLosses, lostCapacityHours } from './capacity-loss.rules';
export type { CapacityLoss } from './capacity-loss.rules';
export { closeCapacityLoss, findCapacityLosses, openCapacityLoss, updateOpenLossShare } from './capacity-loss.service';
export type { OpenLoss } from './capacity-loss.service';
