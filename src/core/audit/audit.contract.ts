import { z } from 'zod';
import { wordsSchema } from '../validation';

// What the audit API answers (CORE-8): the trail's entries in words, and the filters' choices.
// The routes declare these schemas; the web imports the types.

export const AuditChangeSchema = z.object({ field: z.string(), label: wordsSchema, before: z.unknown(), after: z.unknown() });
export type AuditChange = z.infer<typeof AuditChangeSchema>;

export const AuditEntryViewSchema = z.object({
  orgId: z.string(),
  id: z.number().int(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  actionLabel: wordsSchema,
  entityLabel: wordsSchema,
  recordName: z.string(),
  changes: z.array(AuditChangeSchema),
});
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;

const CodeLabelSchema = z.object({ code: z.string(), label: wordsSchema });

export const AuditFacetsSchema = z.object({
  actors: z.array(z.object({ id: z.string().nullable(), name: z.string().nullable() })),
  actions: z.array(CodeLabelSchema),
  entities: z.array(CodeLabelSchema),
});
export type AuditFacets = z.infer<typeof AuditFacetsSchema>;

export const AuditQuery = z.object({
  action: z.string().max(100).optional(),
  record: z.string().max(100).optional(),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
