/** Rounds away floating-point noise for display and storage (6 decimals by default). */
export const round = (value: number, digits = 6): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Splits rows into batches so one insert stays under PostgreSQL's 65,535 parameters. */
export function chunk<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
