import { doublePrecision, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Capacity a workshop cannot use while something stands still (a stopped machine, PP-26). */
export const prodCapacityLosses = pgTable(
  'prod_capacity_losses',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    workshopId: uuid('workshop_id').notNull(),
    /** What stands still, e.g. 'machine'; one open loss per source. */
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    /** Share of the workshop's capacity lost while it lasts (0 < share ≤ 1). */
    share: doublePrecision('share').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    note: text('note').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type CapacityLossRow = typeof prodCapacityLosses.$inferSelect;
