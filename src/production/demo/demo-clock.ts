import { addDays } from '#core/calendar';
import { addMonths, monthOf, monthStart } from '../common/index';

/** Demo dates relative to the seeding day, so the demo plant looks alive whatever the date. */
export function demoClock(today: Date) {
  const day = today.toISOString().slice(0, 10);
  const month = monthOf(day);
  // 09:00 Beijing time on a date: the services record real instants.
  const at = (date: string, hour = 9) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`);
  const prevMonthDay = (d: number) => `${addMonths(month, -1)}-${String(d).padStart(2, '0')}`;
  return {
    day,
    month,
    nextMonth: addMonths(month, 1),
    at,
    daysAgo: (n: number, hour = 9) => at(addDays(day, -n), hour),
    prevMonthAt: (d: number, hour = 9) => at(prevMonthDay(d), hour),
    monthDay: (m: string, d: number) => `${m}-${String(d).padStart(2, '0')}`,
    monthStart,
    dayOfMonth: Number(day.slice(8, 10)),
  };
}
export type DemoClock = ReturnType<typeof demoClock>;
