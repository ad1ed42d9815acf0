import { bigint, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const attachments = pgTable(
  'attachments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    /** The record the file belongs to, e.g. 'training.session' and its id; null for a plain archive entry. */
    entity: text('entity'),
    entityId: text('entity_id'),
    /** The person whose archive holds the file (a teacher's development archive). */
    ownerUserId: uuid('owner_user_id'),
    category: text('category').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** Path under the files folder; never the user's file name. */
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
