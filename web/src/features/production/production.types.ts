// The production API's shapes are the server's own contracts (types only; one source of truth).
import type { DocView, OrderView, PlanView } from '#production';

export type {
  CapacityView,
  CountermeasureOut as Countermeasure,
  CountermeasureVerdict,
  CoveredOverload,
  DocStep,
  DocView,
  HeatCell,
  HeatRow,
  ItemLabel,
  ItemWithStock as Item,
  MaterialSummaryOut as MaterialSummary,
  OrderView,
  Overload,
  PlanSummary,
  PlanView,
  WorkshopOut as Workshop,
} from '#production';

export type DocState = PlanView['state'];
export type DocAction = DocView['allowedActions'][number];
export type PlanKind = PlanView['kind'];
export type PlanLine = PlanView['lines'][number];
export type OrderLine = OrderView['lines'][number];
