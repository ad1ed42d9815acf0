import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const LINK_STATES = ['requested', 'accepted', 'declined', 'ended'] as const;
export type LinkState = (typeof LINK_STATES)[number];

/** A district's link to one school (issue 12); org_id is the district, school_org_id the school. */
export const districtLinks = pgTable(
  'district_links',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    schoolOrgId: uuid('school_org_id').notNull(),
    state: text('state').$type<LinkState>().notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    endedBy: uuid('ended_by'),
    endedByName: text('ended_by_name'),
    endedBySide: text('ended_by_side').$type<'district' | 'school'>(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type LinkRow = typeof districtLinks.$inferSelect;
