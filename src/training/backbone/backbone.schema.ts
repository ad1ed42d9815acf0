import { date, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** T5: the district backbone track, 100 hours of which 60 theory and 40 practice (policy). */
export const backboneHours = pgTable(
  'training_backbone_hours',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    teacherId: uuid('teacher_id').notNull(),
    kind: text('kind').$type<'theory' | 'practice'>().notNull(),
    hours: numeric('hours', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

export type BackboneHoursRow = typeof backboneHours.$inferSelect;
