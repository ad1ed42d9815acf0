import { boolean, date, doublePrecision, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

export const prodPlanMaterials = pgTable(
  'prod_plan_materials',
  {
    orgId: uuid('org_id').notNull(),
    planId: uuid('plan_id').notNull(),
    itemId: uuid('item_id').notNull(),
    kind: text('kind').$type<'make' | 'buy' | 'outsource'>().notNull(),
    needOn: date('need_on', { mode: 'string' }).notNull(),
    releaseOn: date('release_on', { mode: 'string' }).notNull(),
    gross: doublePrecision('gross').notNull(),
    qty: doublePrecision('qty').notNull(),
    isPastDue: boolean('is_past_due').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.planId, t.itemId, t.needOn] })],
);
export type PlanMaterialRow = typeof prodPlanMaterials.$inferSelect;
