export {
  daysBetween,
  addBusinessDays,
  addDays,
  countBusinessDays,
  dayOfMonth,
  daysInMonth,
  dueDateFor,
  endOfLocalDay,
  isBusinessDay,
  isIsoDate,
  isoWeekday,
  localDateOf,
  localDateTime,
  makeCalendar,
  shiftToBusinessDay,
  startOfLocalDay,
} from './calendar.rules';
export type { BusinessCalendar, DueRule, HolidayEntry, IsoDate, RestDayShift } from './calendar.rules';
export { deadlines, holidays } from './calendar.schema';
export type { DeadlineRow, DeadlineState } from './calendar.schema';
export { deadlineStatus, deadlineTimes } from './deadline.rules';
export type { DeadlineStatus } from './deadline.rules';
export { cancelDeadline, completeDeadline, createDeadline, findDeadlines } from './deadline.service';
export type { DeadlineFilters, DeadlineRule, NewDeadline } from './deadline.service';
export { runDueDeadlines } from './deadline.runner';
export { orgToday } from './today';
export type { DeadlineRunResult } from './deadline.runner';
export { addHoliday, findHolidays, loadBusinessCalendar, removeHoliday, updateHoliday } from './holiday.service';
export type { HolidayInput } from './holiday.service';
export { calendarModule } from './calendar.module';
export { isSchoolYear, schoolYearOf, schoolYearRange, termOf, termRange, weekStartOf } from './school-year.rules';
export type { Term } from './school-year.rules';
export { DEADLINE_STATES, DEADLINE_STATUSES, DeadlineViewSchema, HolidayImportSchema, HolidaySchema, NationalHolidayYearSchema } from './calendar.contract';
export type { DeadlineView, Holiday } from './calendar.contract';
