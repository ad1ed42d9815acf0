import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// One row per saved version; rows are never changed, so history and diffs stay true.
export const policyVersions = pgTable(
  'policy_versions',
  {
    orgId: uuid('org_id').notNull(),
    version: integer('version').notNull(),
    preset: text('preset').notNull(),
    values: jsonb('policy_values').notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.version] })],
);
