import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const leagueBranches = pgTable(
  'league_branches',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    grade: integer('grade').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type MemberStatus = 'preparatory' | 'member' | 'transferred_out';

export const leagueMembers = pgTable(
  'league_members',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    branchId: uuid('branch_id').notNull(),
    studentNo: text('student_no').notNull(),
    name: text('name').notNull(),
    gender: text('gender').$type<'male' | 'female'>(),
    status: text('status').$type<MemberStatus>().notNull(),
    preparatorySince: date('preparatory_since', { mode: 'string' }),
    joinedOn: date('joined_on', { mode: 'string' }),
    transferredOutOn: date('transferred_out_on', { mode: 'string' }),
    transferTo: text('transfer_to'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export const leagueRegistrations = pgTable(
  'league_registrations',
  {
    orgId: uuid('org_id').notNull(),
    memberId: uuid('member_id').notNull(),
    termCode: text('term_code').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    registeredBy: uuid('registered_by'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.memberId, t.termCode] })],
);

export type BranchRow = typeof leagueBranches.$inferSelect;
export type MemberRow = typeof leagueMembers.$inferSelect;
