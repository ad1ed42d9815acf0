-- Issue 9 (performance): a daily report reads the plan's made components (kind 'make') of every
-- monthly plan in its window; the primary key (org_id, plan_id, item_id, need_on) made that a
-- scan over all of the plan's materials, bought ones included (160,000 rows in the benchmark).
create index prod_plan_materials_kind_idx on prod_plan_materials (org_id, plan_id, kind);
