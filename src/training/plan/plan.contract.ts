import { z } from 'zod';
import { DOCUMENT_STATES, DocumentViewSchema } from '#core/approval';
import { CREDIT_CATEGORIES } from '#core/policy';
import { MonthSchema } from '#core/validation';
import { IsoDay, SchoolYear, TermNo, Version } from '../common';

// Training plans (ST-1): what the plan routes answer; the approval document is core's own schema.

export const PlanItemSchema = z.object({
  category: z.enum(CREDIT_CATEGORIES),
  topic: z.string(),
  ownerTeacherId: z.string().nullable(),
  schedule: z.string(),
  month: z.string().nullable(),
  hours: z.number().nullable(),
});

export const PlanViewSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  kind: z.enum(['annual', 'semester']),
  schoolYear: z.string(),
  term: z.union([z.literal(1), z.literal(2)]).nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  goals: z.string(),
  items: z.array(PlanItemSchema),
  ownerUserId: z.string(),
  sessionsGeneratedAt: z.date().nullable(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  title: z.string(),
  number: z.string(),
  state: z.enum(DOCUMENT_STATES),
  revision: z.number(),
  /** The document's own version: approval actions send it back. */
  documentVersion: z.number(),
  ownerNames: z.record(z.string(), z.string()),
});

export const PlanDetailSchema = PlanViewSchema.extend({
  /** The approval document with the viewer's allowed actions; null for readers without document rights. */
  document: DocumentViewSchema.nullable(),
});

export type PlanItemData = z.infer<typeof PlanItemSchema>;
export type PlanViewData = z.infer<typeof PlanViewSchema>;
export type PlanDetailData = z.infer<typeof PlanDetailSchema>;

// Requests.

export const PlanItemBody = z.object({
  category: z.enum(CREDIT_CATEGORIES),
  topic: z.string().trim().min(1).max(200),
  ownerTeacherId: z.uuid().nullable(),
  schedule: z.string().trim().max(100),
  month: MonthSchema.nullable(),
  hours: z.number().min(0).max(500).nullable(),
});

export const PlanBody = z.object({
  kind: z.enum(['annual', 'semester']),
  schoolYear: SchoolYear,
  term: TermNo.nullish(),
  title: z.string().trim().min(1).max(200),
  goals: z.string().max(5000),
  startsOn: IsoDay,
  endsOn: IsoDay,
  items: z.array(PlanItemBody).max(200),
});

export const PlanChangeBody = PlanBody.extend({ version: Version, documentVersion: Version });

export type PlanInput = z.infer<typeof PlanBody>;
export type PlanChange = z.infer<typeof PlanChangeBody>;
