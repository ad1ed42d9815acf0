import { date, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const COUNTERMEASURE_KINDS = ['overtime', 'outsourcing', 'reschedule', 'other'] as const;
export type CountermeasureKind = (typeof COUNTERMEASURE_KINDS)[number];

export const prodCountermeasures = pgTable(
  'prod_countermeasures',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    workshopId: uuid('workshop_id').notNull(),
    bucketStart: date('bucket_start', { mode: 'string' }).notNull(),
    bucketEnd: date('bucket_end', { mode: 'string' }),
    kind: text('kind').$type<CountermeasureKind>().notNull(),
    description: text('description').notNull(),
    extraHours: doublePrecision('extra_hours'),
    sharePct: doublePrecision('share_pct'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
export type CountermeasureRow = typeof prodCountermeasures.$inferSelect;
