import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DocumentAction, DocumentState } from './approval.rules';

export interface ChainStep {
  key: string;
  nameZh: string;
  nameEn: string;
  roleCode: string;
}

export const approvalChains = pgTable(
  'approval_chains',
  {
    orgId: uuid('org_id').notNull(),
    docType: text('doc_type').notNull(),
    steps: jsonb('steps').$type<ChainStep[]>().notNull(),
    allowSelfApproval: boolean('allow_self_approval').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.docType] })],
);

export const documentCounters = pgTable(
  'document_counters',
  {
    orgId: uuid('org_id').notNull(),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.prefix, t.year] })],
);

export const documents = pgTable(
  'documents',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    docType: text('doc_type').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    body: jsonb('body').$type<unknown>().notNull().default({}),
    revision: integer('revision').notNull().default(1),
    effectiveRevision: integer('effective_revision'),
    state: text('state').$type<DocumentState>().notNull().default('draft'),
    chainSteps: jsonb('chain_steps').$type<ChainStep[]>(),
    allowSelfApproval: boolean('allow_self_approval').notNull().default(false),
    stepIndex: integer('step_index'),
    waitingRole: text('waiting_role'),
    createdBy: uuid('created_by').notNull(),
    departmentId: uuid('department_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type DocumentRow = typeof documents.$inferSelect;

export const documentRevisions = pgTable(
  'document_revisions',
  {
    orgId: uuid('org_id').notNull(),
    documentId: uuid('document_id').notNull(),
    revision: integer('revision').notNull(),
    title: text('title').notNull(),
    body: jsonb('body').$type<unknown>().notNull(),
    state: text('state').$type<DocumentState>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.documentId, t.revision] })],
);

export const approvalActions = pgTable(
  'approval_actions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    documentId: uuid('document_id').notNull(),
    seq: integer('seq').notNull(),
    revision: integer('revision').notNull(),
    action: text('action').$type<DocumentAction>().notNull(),
    fromState: text('from_state').$type<DocumentState>().notNull(),
    toState: text('to_state').$type<DocumentState>().notNull(),
    stepIndex: integer('step_index'),
    stepKey: text('step_key'),
    stepNameZh: text('step_name_zh'),
    stepNameEn: text('step_name_en'),
    actorId: uuid('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    opinion: text('opinion'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const documentReceipts = pgTable(
  'document_receipts',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    documentId: uuid('document_id').notNull(),
    revision: integer('revision').notNull(),
    departmentId: uuid('department_id'),
    userId: uuid('user_id'),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** Last reminder to those who have not acknowledged (issue 14 item 8). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
