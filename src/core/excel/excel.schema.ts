import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ErrorDetail } from '../errors';

export const importJobs = pgTable(
  'import_jobs',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    tableName: text('table_name').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status').$type<'succeeded' | 'failed'>().notNull(),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    errors: jsonb('errors').$type<ErrorDetail[]>().notNull().default([]),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
