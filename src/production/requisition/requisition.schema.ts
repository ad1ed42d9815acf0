import { boolean, date, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const REQUISITION_STATES = ['submitted', 'escalated', 'approved', 'rejected', 'withdrawn'] as const;
export type RequisitionState = (typeof REQUISITION_STATES)[number];

export const REQUISITION_SOURCES = ['weekly', 'monthly'] as const;
export type RequisitionSource = (typeof REQUISITION_SOURCES)[number];

export const REQUISITION_ACTIONS = ['submit', 'approve', 'approve_above_norm', 'reject', 'withdraw'] as const;
export type RequisitionAction = (typeof REQUISITION_ACTIONS)[number];

/** One 领料单 (PP-17): a workshop's materials for some days of its plan. */
export const prodRequisitions = pgTable(
  'prod_requisitions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    workshopId: uuid('workshop_id').notNull(),
    days: date('days', { mode: 'string' }).array().notNull(),
    source: text('source').$type<RequisitionSource>().notNull(),
    planId: uuid('plan_id'),
    state: text('state').$type<RequisitionState>().notNull(),
    isAboveNorm: boolean('is_above_norm').notNull().default(false),
    aboveNormRole: text('above_norm_role'),
    note: text('note').notNull().default(''),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    aboveNormApprovedBy: uuid('above_norm_approved_by'),
    aboveNormApprovedAt: timestamp('above_norm_approved_at', { withTimezone: true }),
    decidedOpinion: text('decided_opinion'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type RequisitionRow = typeof prodRequisitions.$inferSelect;

export const prodRequisitionLines = pgTable(
  'prod_requisition_lines',
  {
    orgId: uuid('org_id').notNull(),
    requisitionId: uuid('requisition_id').notNull(),
    lineNo: integer('line_no').notNull(),
    itemId: uuid('item_id').notNull(),
    normQty: doublePrecision('norm_qty').notNull(),
    priorQty: doublePrecision('prior_qty').notNull().default(0),
    requestedQty: doublePrecision('requested_qty').notNull(),
    normByDay: jsonb('norm_by_day').$type<Record<string, number>>().notNull().default({}),
    isAboveNorm: boolean('is_above_norm').notNull().default(false),
    reason: text('reason').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.requisitionId, t.lineNo] })],
);
export type RequisitionLineRow = typeof prodRequisitionLines.$inferSelect;

export const prodRequisitionEvents = pgTable(
  'prod_requisition_events',
  {
    orgId: uuid('org_id').notNull(),
    requisitionId: uuid('requisition_id').notNull(),
    seq: integer('seq').notNull(),
    action: text('action').$type<RequisitionAction>().notNull(),
    fromState: text('from_state').$type<RequisitionState>(),
    toState: text('to_state').$type<RequisitionState>().notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    opinion: text('opinion'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.requisitionId, t.seq] })],
);

/** 用料车间: which workshop draws a BOM component; none = the parent's first routing operation. */
export const prodBomLineWorkshops = pgTable(
  'prod_bom_line_workshops',
  {
    orgId: uuid('org_id').notNull(),
    bomLineId: uuid('bom_line_id').notNull(),
    workshopId: uuid('workshop_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.bomLineId] })],
);
