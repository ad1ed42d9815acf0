import { z } from 'zod';

/** A calendar month as every route and sheet writes it: 'YYYY-MM', month 01–12. */
export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export type MonthText = z.infer<typeof MonthSchema>;
