import { z } from 'zod';
import { wordsSchema } from '../validation';

// What the Excel API answers (CORE-10, CORE-11): the tables a person may use, an import's
// summary, the import history, and the header of printed forms. Templates and exports are files.

export const ExcelTableViewSchema = z.object({
  name: z.string(),
  label: wordsSchema,
  columns: z.array(z.object({ key: z.string(), header: wordsSchema, type: z.string(), required: z.boolean() })),
  /** The table accepts imports at all (some are export-only). */
  isImportable: z.boolean(),
  /** This person may import it. */
  canImport: z.boolean(),
});

export const ImportSummarySchema = z.object({ inserted: z.number().int(), updated: z.number().int() });

export const ErrorDetailSchema = z.object({
  field: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  reason: z.string(),
});

export const ImportJobSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  tableName: z.string(),
  fileName: z.string(),
  status: z.enum(['succeeded', 'failed']),
  inserted: z.number().int(),
  updated: z.number().int(),
  errors: z.array(ErrorDetailSchema),
  createdBy: z.string(),
  createdAt: z.date(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

/** The header of printed forms: the organisation's name as it appears on paper. */
export const PrintHeaderSchema = z.object({ organisation: z.string() });
export type PrintHeader = z.infer<typeof PrintHeaderSchema>;
