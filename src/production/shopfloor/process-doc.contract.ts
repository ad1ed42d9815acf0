import { z } from 'zod';

// Site standards and process specifications (现场作业标准、工艺大纲、操作规程, PP-20, T4 第三十六、
// 四十二、四十三条): documents of the approval engine that change only with approval.

export const PROCESS_CATEGORIES = ['outline', 'procedure', 'standard'] as const;
export type ProcessCategory = (typeof PROCESS_CATEGORIES)[number];

const Instant = z.string().describe('ISO 8601 time');
const Version = z.number().int().positive();

export const ProcessItem = z.object({
  /** Stable across revisions, so the diff follows an item that moved. */
  key: z.string().max(40).optional(),
  title: z.string().max(100),
  requirement: z.string().max(4000),
});
export const ProcessBody = z.object({
  category: z.enum(PROCESS_CATEGORIES),
  workshopId: z.uuid().nullable(),
  scope: z.string().max(1000),
  items: z.array(ProcessItem.extend({ key: z.string() })),
});
export type ProcessBody = z.infer<typeof ProcessBody>;

export const ProcessDocQuery = z.object({ workshopId: z.uuid().optional() });
export const ProcessDocParams = z.object({ id: z.uuid() });

export const CreateProcessDocBody = z.object({
  category: z.enum(PROCESS_CATEGORIES),
  title: z.string().max(200),
  workshopId: z.uuid().nullish(),
  scope: z.string().max(1000).default(''),
  items: z.array(ProcessItem).max(200),
});
export type CreateProcessDocInput = z.input<typeof CreateProcessDocBody>;
export const UpdateProcessDocBody = CreateProcessDocBody.omit({ category: true }).extend({ version: Version });
export type UpdateProcessDocInput = z.input<typeof UpdateProcessDocBody>;
export const ProcessActionBody = z.object({ version: Version, opinion: z.string().max(2000).nullish() });

const Revision = z.object({ revision: z.number().int(), title: z.string(), body: ProcessBody, state: z.string(), approvedAt: Instant.nullable() });

export const ProcessDocSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  docType: z.string(),
  category: z.enum(PROCESS_CATEGORIES),
  title: z.string(),
  workshopId: z.uuid().nullable(),
  workshopName: z.string().nullable(),
  state: z.string(),
  revision: z.number().int(),
  effectiveRevision: z.number().int().nullable(),
  /** A new revision is being drafted or approved while the old one stays in force. */
  hasPendingRevision: z.boolean(),
  waitingRole: z.string().nullable(),
  updatedAt: Instant,
});
export type ProcessDocSummary = z.infer<typeof ProcessDocSummary>;
export const ProcessDocList = z.array(ProcessDocSummary);

export const ProcessDiffEntry = z.object({
  label: z.object({ zh: z.string(), en: z.string() }),
  kind: z.enum(['added', 'removed', 'changed']),
  before: z.string(),
  after: z.string(),
});
export type ProcessDiffEntry = z.infer<typeof ProcessDiffEntry>;

export const ProcessDocDetail = ProcessDocSummary.extend({
  version: z.number().int(),
  inForce: Revision.nullable(),
  working: Revision,
  /** From the revision in force to the one being prepared. */
  diff: z.array(ProcessDiffEntry),
  steps: z.array(z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), roleCode: z.string() })),
  stepIndex: z.number().int().nullable(),
  timeline: z.array(
    z.object({
      revision: z.number().int(),
      action: z.string(),
      actorName: z.string(),
      stepNameZh: z.string().nullable(),
      stepNameEn: z.string().nullable(),
      opinion: z.string().nullable(),
      at: Instant,
    }),
  ),
  /** Engine actions the viewer may take (submit, approve, reject, withdraw, revise, adjust). */
  allowedActions: z.array(z.string()),
  canEdit: z.boolean(),
});
export type ProcessDocDetail = z.infer<typeof ProcessDocDetail>;
