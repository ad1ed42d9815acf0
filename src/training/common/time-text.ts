/**
 * An instant written on the school's clock, "YYYY-MM-DD HH:mm" (the policy's
 * `calendar.utcOffsetMinutes`, never the server's zone): 10:00 in Beijing is written 10:00 in
 * every export (issue 13 item 10).
 */
export const schoolTimeText = (instant: Date | null | undefined, utcOffsetMinutes: number): string | null =>
  instant ? new Date(instant.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ') : null;
