import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const LEAVE_KINDS = ['sick', 'personal', 'official'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];
export type LeaveState = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/** S1 考勤 一: written leave before the session, approved by the leadership group's head, kept on file. */
export const trainingLeaveRequests = pgTable(
  'training_leave_requests',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    teacherId: uuid('teacher_id').notNull(),
    kind: text('kind').$type<LeaveKind>().notNull(),
    reason: text('reason').notNull(),
    attachmentId: uuid('attachment_id'),
    state: text('state').$type<LeaveState>().notNull().default('pending'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    requestedBy: uuid('requested_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    opinion: text('opinion'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type LeaveRow = typeof trainingLeaveRequests.$inferSelect;
