import { z } from 'zod';
import { wordsSchema } from '../validation';
import { DOCUMENT_ACTIONS, DOCUMENT_STATES } from './approval.rules';

// What the approval API answers (CORE-3, CORE-4, CORE-5): documents, their timeline, revisions,
// distribution, the document types and the approval chains. The services return these types,
// the routes declare these schemas, and the web imports the types.

export const ChainStepSchema = z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), roleCode: z.string() });

export const DocumentSummarySchema = z.object({
  id: z.string(),
  docType: z.string(),
  docTypeLabel: wordsSchema,
  number: z.string(),
  title: z.string(),
  state: z.enum(DOCUMENT_STATES),
  revision: z.number().int(),
  effectiveRevision: z.number().int().nullable(),
  waitingRole: z.string().nullable(),
  createdBy: z.string(),
  authorName: z.string(),
  updatedAt: z.date(),
  link: z.string(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const TimelineEntrySchema = z.object({
  seq: z.number().int(),
  revision: z.number().int(),
  action: z.enum(DOCUMENT_ACTIONS),
  fromState: z.enum(DOCUMENT_STATES),
  toState: z.enum(DOCUMENT_STATES),
  stepIndex: z.number().int().nullable(),
  stepNameZh: z.string().nullable(),
  stepNameEn: z.string().nullable(),
  actorName: z.string(),
  opinion: z.string().nullable(),
  at: z.date(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const DocumentViewSchema = DocumentSummarySchema.extend({
  body: z.unknown(),
  stepIndex: z.number().int().nullable(),
  steps: z.array(ChainStepSchema),
  allowSelfApproval: z.boolean(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  createdAt: z.date(),
  submittedAt: z.date().nullable(),
  version: z.number().int(),
  isGenericEditable: z.boolean(),
  /** What the viewer may do now; the page shows exactly these buttons. */
  allowedActions: z.array(z.enum(DOCUMENT_ACTIONS)),
  canEdit: z.boolean(),
  canAcknowledge: z.boolean(),
  timeline: z.array(TimelineEntrySchema),
});
export type DocumentView = z.infer<typeof DocumentViewSchema>;

export const ReceiptViewSchema = z.object({
  id: z.string(),
  revision: z.number().int(),
  departmentId: z.string().nullable(),
  userId: z.string().nullable(),
  /** The department's or the person's name. */
  recipientName: z.string(),
  issuedAt: z.date(),
  issuedByName: z.string(),
  acknowledgedAt: z.date().nullable(),
  acknowledgedByName: z.string().nullable(),
});
export type ReceiptView = z.infer<typeof ReceiptViewSchema>;

export const DistributionViewSchema = z.object({
  /** The revision in force, whose receipts the summary counts. */
  revision: z.number().int().nullable(),
  total: z.number().int(),
  acknowledged: z.number().int(),
  /** Recipients who have not acknowledged the revision in force. */
  pending: z.array(z.string()),
  receipts: z.array(ReceiptViewSchema),
});
export type DistributionView = z.infer<typeof DistributionViewSchema>;

export const RevisionViewSchema = z.object({
  revision: z.number().int(),
  title: z.string(),
  body: z.unknown(),
  state: z.string(),
  authorName: z.string(),
  createdAt: z.date(),
  approvedAt: z.date().nullable(),
  supersededAt: z.date().nullable(),
  /** The approved revision people work to now. */
  isInForce: z.boolean(),
});
export type RevisionView = z.infer<typeof RevisionViewSchema>;

export const DiffEntrySchema = z.object({
  path: z.string(),
  labelZh: z.string().optional(),
  before: z.unknown(),
  after: z.unknown(),
  kind: z.enum(['added', 'removed', 'changed']),
});

export const RevisionDiffSchema = z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(DiffEntrySchema) });

export const DocumentTypeInfoSchema = z.object({ docType: z.string(), label: wordsSchema, numberPrefix: z.string(), isGenericEditable: z.boolean() });
export type DocumentTypeListItem = z.infer<typeof DocumentTypeInfoSchema>;

export const ChainViewSchema = z.object({
  docType: z.string(),
  label: wordsSchema,
  steps: z.array(ChainStepSchema),
  allowSelfApproval: z.boolean(),
  /** null: no chain of its own yet (documents of this type use the 'general' chain). */
  version: z.number().int().nullable(),
  updatedAt: z.date().nullable(),
});
export type ChainView = z.infer<typeof ChainViewSchema>;

// Requests (issue 16 item 2): the routes declare these, the services take their z.infer types.
const Step = z.object({
  key: z.string().min(1).max(40),
  nameZh: z.string().min(1).max(60),
  nameEn: z.string().max(60).default(''),
  roleCode: z.string().min(1).max(64),
});

/** PUT /approval-chains/:docType: the document type whose chain is edited. */
export const ChainParams = z.object({ docType: z.string().min(2).max(64) });

export const ChainSaveBody = z.object({ version: z.number().int().positive().optional(), steps: z.array(Step).min(1).max(12), allowSelfApproval: z.boolean() });
/** `version` is the version read; omit it when creating the first chain of a type. */
export type ChainInput = z.infer<typeof ChainSaveBody>;

const Body = z.record(z.string(), z.unknown());

export const DocumentListQuery = z.object({
  docType: z.string().max(64).optional(),
  state: z.enum(DOCUMENT_STATES).optional(),
  q: z.string().max(100).optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export const NewDocumentBody = z.object({
  docType: z.string().min(2).max(64).default('general'),
  title: z.string().min(1).max(200),
  body: Body.optional(),
  departmentId: z.uuid().nullish(),
});

export const DocumentChangeBody = z.object({ version: z.number().int().positive(), title: z.string().min(1).max(200).optional(), body: Body.optional() });

export const RevisionDiffQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

export const DocumentActionBody = z.object({ version: z.number().int().positive(), opinion: z.string().max(2000).nullish() });
/** `version` is the document version the person saw: a stale one gets 409. */
export type ActionInput = z.infer<typeof DocumentActionBody>;

export const IssueBody = DocumentActionBody.extend({ departmentIds: z.array(z.uuid()).max(200), userIds: z.array(z.uuid()).max(500).optional() });
/** `userIds`: named people who get their own copy to acknowledge. */
export type IssueInput = z.infer<typeof IssueBody>;
