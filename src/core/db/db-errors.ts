// PostgreSQL error codes surface on the error or its cause, depending on the driver.
function hasCode(err: unknown, code: string): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === code) return true;
  return false;
}

export const isUniqueViolation = (err: unknown): boolean => hasCode(err, '23505');
export const isForeignKeyViolation = (err: unknown): boolean => hasCode(err, '23503');
