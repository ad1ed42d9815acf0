import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

export const prodCounters = pgTable(
  'prod_counters',
  {
    orgId: uuid('org_id').notNull(),
    prefix: text('prefix').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.prefix, t.year] })],
);
