import { z } from 'zod';
import { DOCUMENT_ACTIONS, DOCUMENT_STATES, type DocumentView as CoreDocumentView } from '#core/approval';

// The approval document as the production pages show it inside a plan or a sales plan
// (core/approval's DocumentView, which core's own routes send as it is).

export const Text = z.object({ zh: z.string(), en: z.string() });

export const DocStep = z.object({ key: z.string(), nameZh: z.string(), nameEn: z.string(), roleCode: z.string() });
export type DocStep = z.infer<typeof DocStep>;

export const DocTimelineEntry = z.object({
  seq: z.number().int(),
  revision: z.number().int(),
  action: z.string(),
  fromState: z.string(),
  toState: z.string(),
  stepIndex: z.number().int().nullable(),
  stepNameZh: z.string().nullable(),
  stepNameEn: z.string().nullable(),
  actorName: z.string(),
  opinion: z.string().nullable(),
  at: z.date(),
});

/** A document's body: free text and key/value lines, as the approval pages print it. */
export const DocBody = z.object({
  content: z.string().optional(),
  contentEn: z.string().optional(),
  lines: z.array(z.object({ key: z.string(), value: z.string(), valueEn: z.string().optional() })).optional(),
}).loose();

export const DocView = z.object({
  id: z.string(),
  docType: z.string(),
  docTypeLabel: Text,
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
  body: DocBody.nullable(),
  stepIndex: z.number().int().nullable(),
  steps: z.array(DocStep),
  allowSelfApproval: z.boolean(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  createdAt: z.date(),
  submittedAt: z.date().nullable(),
  version: z.number().int(),
  isGenericEditable: z.boolean(),
  allowedActions: z.array(z.enum(DOCUMENT_ACTIONS)),
  canEdit: z.boolean(),
  canAcknowledge: z.boolean(),
  timeline: z.array(DocTimelineEntry),
});
export type DocView = z.infer<typeof DocView>;

/** Core's view, with its free-form body read as the pages read it. */
export const asDocView = (d: CoreDocumentView): DocView => d as DocView;
