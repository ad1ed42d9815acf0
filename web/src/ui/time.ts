import dayjs, { type ConfigType, type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

// Times are shown in the organisation's time zone (policy calendar.utcOffsetMinutes, CORE-6),
// never the browser's: a meeting at 09:00 in Beijing reads 09:00 on a laptop set to UTC too.
dayjs.extend(utc);

let offsetMinutes = 480;

/** Set once the signed-in person's organisation is known (auth provider). */
export const setOrgUtcOffset = (minutes: number) => {
  offsetMinutes = minutes;
};

export const orgUtcOffset = () => offsetMinutes;

/** An instant (ISO string, Date, Dayjs) as the organisation's wall clock. */
export const orgTime = (x?: ConfigType): Dayjs => dayjs(x).utcOffset(offsetMinutes);

/** A wall-clock date-time picked on a page, read as the organisation's: the instant to send. */
export const orgInstant = (picked: Dayjs): string => dayjs.utc(picked.format('YYYY-MM-DDTHH:mm:ss')).subtract(offsetMinutes, 'minute').toISOString();
