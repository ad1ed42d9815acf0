import { z } from 'zod';
import { DOCUMENT_ACTIONS, DOCUMENT_STATES } from '#core/approval';
import { CREDIT_CATEGORIES } from '#core/policy';
import { Words } from '../common';

// Training plans (ST-1): what the plan routes answer.

// The approval document as core/approval's getDocument returns it. Core declares no schema for it
// on this branch yet; when it does (issue 16), this copy gives way to core's DocumentViewSchema.
const DocumentSchema = z.object({
  id: z.string(),
  docType: z.string(),
  docTypeLabel: Words,
  number: z.string(),
  title: z.string(),
  state: z.enum(DOCUMENT_STATES),
  revision: z.number(),
  effectiveRevision: z.number().nullable(),
  waitingRole: z.string().nullable(),
  createdBy: z.string(),
  authorName: z.string(),
  updatedAt: z.date(),
  link: z.string(),
  body: z.unknown(),
  stepIndex: z.number().nullable(),
  steps: z.array(z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), roleCode: z.string() })),
  allowSelfApproval: z.boolean(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  createdAt: z.date(),
  submittedAt: z.date().nullable(),
  version: z.number(),
  isGenericEditable: z.boolean(),
  allowedActions: z.array(z.enum(DOCUMENT_ACTIONS)),
  canEdit: z.boolean(),
  canAcknowledge: z.boolean(),
  timeline: z.array(
    z.object({
      seq: z.number(),
      revision: z.number(),
      action: z.string(),
      fromState: z.string(),
      toState: z.string(),
      stepIndex: z.number().nullable(),
      stepNameZh: z.string().nullable(),
      stepNameEn: z.string().nullable(),
      actorName: z.string(),
      opinion: z.string().nullable(),
      at: z.date(),
    }),
  ),
});

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
  document: DocumentSchema.nullable(),
});

export type PlanItemData = z.infer<typeof PlanItemSchema>;
export type PlanViewData = z.infer<typeof PlanViewSchema>;
export type PlanDetailData = z.infer<typeof PlanDetailSchema>;
