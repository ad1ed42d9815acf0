export { prodCounters } from './common.schema';
export { nextProductionNumber } from './counter.service';
export {
  addMonths,
  assertIsoDate,
  dayCount,
  daysFrom,
  isMonth,
  monthEnd,
  monthOf,
  monthsFrom,
  monthStart,
  quarterMonths,
} from './period.rules';
export type { IsoDate, Month } from './period.rules';
export { chunk, round } from './numbers';
export { withPlanningErrors } from './planning-error';
export { ensureDeadline, findResponsible } from './deadline.helper';
export { asDocView, DocStep, DocView, Text } from './document.contract';
export { PLAN_DOCUMENT_STATE_ZH } from './document.labels';
