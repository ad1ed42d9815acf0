import { z } from 'zod';

// What the holiday calendar API answers: the organisation's holidays and make-up working days,
// the national holiday years shipped, and what an import added.

export const HolidaySchema = z.object({
  orgId: z.string(),
  date: z.string(),
  name: z.string(),
  isWorkday: z.boolean(),
  version: z.number().int(),
  createdAt: z.date(),
});
export type Holiday = z.infer<typeof HolidaySchema>;

export const NationalHolidayYearSchema = z.object({ year: z.number().int(), status: z.enum(['official', 'statutory-only']), days: z.number().int() });

export const HolidayImportSchema = z.object({
  year: z.number().int(),
  status: z.enum(['official', 'statutory-only']),
  added: z.number().int(),
  kept: z.number().int(),
});
