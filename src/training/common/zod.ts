import { z } from 'zod';
import { isIsoDate, isSchoolYear } from '#core/calendar';

// Shapes shared by the training routes.
export const IsoDay = z.string().refine(isIsoDate, 'YYYY-MM-DD');
export const SchoolYear = z.string().refine(isSchoolYear, 'YYYY-YYYY, e.g. 2025-2026');
export const TermNo = z.union([z.literal(1), z.literal(2)]);
export const TermQuery = z.coerce
  .number()
  .int()
  .min(1)
  .max(2)
  .transform((n) => n as 1 | 2);
export const Version = z.number().int().positive();
/** `?schoolYear=` on a list or report: absent means the current school year. */
export const YearFilterQuery = z.object({ schoolYear: SchoolYear.optional() });
export { IdParams } from '#core/validation';
export const TextIn = (max: number) => z.string().trim().min(1).max(max);
export { wordsSchema as Words } from '#core/validation';
