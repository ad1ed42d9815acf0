import { z } from 'zod';
import { wordsSchema } from '../validation';
import { PRESET_NAMES } from './policy.schema';

// What the policy API answers: the policy in force or of a version, its history and diff, the
// field labels and clauses, and a preset's values. `values` is the whole policy (PolicySchema
// checks it on the way in; here it passes through as stored).

const PolicyValuesSchema = z.record(z.string(), z.unknown());

export const PolicyViewSchema = z.object({
  /** 0 while the organisation still runs on its template's preset. */
  version: z.number().int(),
  preset: z.enum(PRESET_NAMES),
  isDefault: z.boolean(),
  values: PolicyValuesSchema,
  reason: z.string().nullable(),
  createdAt: z.date().nullable(),
});

export const PolicyVersionRowSchema = z.object({
  version: z.number().int(),
  preset: z.string(),
  reason: z.string(),
  changedBy: z.string().nullable(),
  changedByName: z.string().nullable(),
  createdAt: z.date(),
});
export type PolicyVersionRow = z.infer<typeof PolicyVersionRowSchema>;

export const PolicyChangeSchema = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });

export const FieldMetaSchema = z.object({
  label: wordsSchema,
  unit: wordsSchema.optional(),
  /** The clause the value comes from, as users read it: 'T2 五.1' or 'T4 第十九条'. */
  clause: z.string(),
  requirementId: z.string().optional(),
  help: wordsSchema.optional(),
  /** Per template: where its value comes from when it differs, or that it is borrowed. */
  notes: z.partialRecord(z.enum(PRESET_NAMES), wordsSchema).optional(),
  options: z.array(z.object({ value: z.string(), label: wordsSchema })).optional(),
});

export const PolicyMetaSchema = z.object({
  /** The sections of the organisation's modules, with their names. */
  sections: z.record(z.string(), wordsSchema),
  fields: z.record(z.string(), FieldMetaSchema),
  presets: z.array(z.object({ name: z.enum(PRESET_NAMES), zh: z.string(), en: z.string(), kind: z.enum(['enterprise', 'school', 'district']) })),
});
export type PolicyMeta = z.infer<typeof PolicyMetaSchema>;

export const PresetValuesSchema = z.object({ name: z.enum(PRESET_NAMES), values: PolicyValuesSchema });

// Requests (issue 16 item 2): the routes declare these, the services take their z.infer types.
export const Version = z.coerce.number().int().min(0);

/** GET /policy/presets/:name: the preset's name. */
export const PresetParams = z.object({ name: z.enum(PRESET_NAMES) });

/** GET /policy/versions/:version: one saved version of the policy. */
export const PolicyVersionParams = z.object({ version: Version });

export const PolicyUpdateBody = z.object({ baseVersion: z.number().int().min(0), values: z.record(z.string(), z.unknown()), reason: z.string().max(500) });

export const PresetApplyBody = z.object({ baseVersion: z.number().int().min(0), preset: z.string().max(10), reason: z.string().max(500) });

export const PolicyDiffQuery = z.object({ from: Version, to: Version });
