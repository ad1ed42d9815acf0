export { productionModule } from './production.module';
export { runPlantDailyDuties } from './production.jobs';

export type { CapacityView, HeatCell, HeatRow, Overload } from './capacity';
export type { DocumentContext, DocumentPage, LocationView, OnHandRow, ShipmentOption, StockCard, StockDocView, StockSummaryPage } from './warehouse/index';
export type { MaterialPlanView, OpenOrderLine, PurchaseLine, PurchasePlanSummary, PurchasePlanView, ShortageView } from './purchase/index';
