import { date, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { CreditCategory } from '#core/policy';

/** National (国培), upper-level, distance and degree training outside the school (S4 奖惩 一, ST-6). */
export const CLAIM_KINDS = ['national', 'provincial', 'city', 'district', 'distance', 'degree', 'other'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];
export type ClaimState = 'pending' | 'recognised' | 'rejected' | 'withdrawn';

export const creditClaims = pgTable(
  'training_credit_claims',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    teacherId: uuid('teacher_id').notNull(),
    schoolYear: text('school_year').notNull(),
    kind: text('kind').$type<ClaimKind>().notNull(),
    title: text('title').notNull(),
    organiser: text('organiser'),
    category: text('category').$type<CreditCategory>().notNull(),
    hours: numeric('hours', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }).notNull(),
    certificateNo: text('certificate_no'),
    attachmentIds: uuid('attachment_ids').array().notNull().default([]),
    state: text('state').$type<ClaimState>().notNull().default('pending'),
    recognisedHours: numeric('recognised_hours', { precision: 7, scale: 2, mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    opinion: text('opinion'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type ClaimRow = typeof creditClaims.$inferSelect;
