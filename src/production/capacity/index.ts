export { COUNTERMEASURE_KINDS, prodCountermeasures } from './capacity.schema';
export type { CountermeasureKind, CountermeasureRow } from './capacity.schema';
export { capacityStatusOf, checkCapacity, findOverloads, findUnderloads, percent, shiftBucket } from './capacity.rules';
export type {
  CapacityOp,
  CapacityRequest,
  CapacityStatus,
  CapacityView,
  CapacityWorkshop,
  HeatCell,
  HeatRow,
  Overload,
  PlannedQty,
  ReportingGroup,
} from './capacity.rules';
export { computePlanCapacity } from './capacity.service';
export type { CapacityLines, CapacityPlanFacts, CapacityRun } from './capacity.service';
export { capacityCalendarKey, isCapacityStale, isPlanReachedByCalendarChange } from './capacity-calendar.rules';
export type { CalendarChange, CalendarHours, StoredCheck } from './capacity-calendar.rules';
export { findCurrentCalendarKey } from './capacity.service';
export { checkCountermeasureCover, COVER_TOLERANCE_HOURS, describeShortfall, excessHours, spans } from './countermeasure.rules';
export type { CountermeasureFacts, CountermeasureVerdict, CoverCheck, CoveredOverload } from './countermeasure.rules';
