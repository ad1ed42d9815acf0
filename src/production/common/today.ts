// The organisation's calendar day at `now` (its own UTC offset, never the server's): one kit in core.
export { orgToday as localToday } from '#core/calendar';
