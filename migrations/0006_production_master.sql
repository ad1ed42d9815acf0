-- Production master data: items, stock levels, BOM, workshops with capacity calendars,
-- routings (生产计划管理: PP-8, PP-9, PP-10, PP-14). Quantities are double precision
-- (the planning kernels compute in floating point); money is numeric.

create table prod_items (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  code text not null,
  name text not null,
  spec text not null default '',
  unit text not null,
  category text not null check (category in ('finished', 'semi', 'raw', 'packaging')),
  -- make: a workshop makes it; buy: purchased; outsource: made by a subcontractor (外协).
  source text not null check (source in ('make', 'buy', 'outsource')),
  lead_time_days integer not null default 0 check (lead_time_days >= 0 and lead_time_days <= 365),
  lot_rule text not null default 'lfl' check (lot_rule in ('lfl', 'fixed', 'multiple')),
  lot_qty double precision check (lot_qty is null or lot_qty > 0),
  lot_min double precision check (lot_min is null or lot_min >= 0),
  -- T2 七.6: products not ready for series production stay out of the plan penalties.
  is_mature boolean not null default true,
  is_active boolean not null default true,
  sort integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, code),
  check (lot_rule = 'lfl' or lot_qty is not null)
);

create table prod_stock (
  org_id uuid not null,
  item_id uuid not null,
  on_hand double precision not null default 0 check (on_hand >= 0),
  min_qty double precision check (min_qty is null or min_qty >= 0),
  max_qty double precision check (max_qty is null or max_qty >= 0),
  safety_stock double precision not null default 0 check (safety_stock >= 0),
  -- T4 第二十四条: the safety stock is set jointly and approved by the general manager.
  safety_approved_by uuid,
  safety_approved_at timestamptz,
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (org_id, item_id),
  foreign key (org_id, item_id) references prod_items (org_id, id),
  foreign key (org_id, safety_approved_by) references users (org_id, id),
  check (min_qty is null or max_qty is null or min_qty <= max_qty)
);
create index prod_stock_approved_by_idx on prod_stock (org_id, safety_approved_by);

create table prod_bom_lines (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  parent_item_id uuid not null,
  child_item_id uuid not null,
  qty_per double precision not null check (qty_per > 0),
  -- Share of the child lost in the process (0.02 = 2%).
  scrap_rate double precision not null default 0 check (scrap_rate >= 0 and scrap_rate < 1),
  -- Share of the parent's output that is good (合格率, T4 第二十八条); 1 = every unit.
  yield_rate double precision not null default 1 check (yield_rate > 0 and yield_rate <= 1),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, parent_item_id, child_item_id),
  foreign key (org_id, parent_item_id) references prod_items (org_id, id),
  foreign key (org_id, child_item_id) references prod_items (org_id, id),
  check (parent_item_id <> child_item_id)
);
create index prod_bom_lines_child_idx on prod_bom_lines (org_id, child_item_id);

create table prod_workshops (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  code text not null,
  name text not null,
  department_id uuid,
  shifts_per_day integer not null default 1 check (shifts_per_day between 0 and 4),
  hours_per_shift double precision not null default 8 check (hours_per_shift >= 0 and hours_per_shift <= 24),
  -- Parallel lines or work centres: capacity hours multiply by it.
  lines integer not null default 1 check (lines between 0 and 1000),
  efficiency double precision not null default 1 check (efficiency > 0 and efficiency <= 2),
  -- ISO weekdays the workshop works (1 = Monday); the organisation's holidays apply on top.
  working_weekdays integer[] not null default '{1,2,3,4,5}',
  sort integer not null default 0,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, code),
  foreign key (org_id, department_id) references departments (org_id, id)
);
create index prod_workshops_department_idx on prod_workshops (org_id, department_id);

-- A day that differs from the workshop's pattern: overtime on a Saturday, maintenance stop.
create table prod_workshop_days (
  org_id uuid not null,
  workshop_id uuid not null,
  day date not null,
  hours double precision not null check (hours >= 0 and hours <= 24000),
  note text not null default '',
  version integer not null default 1,
  primary key (org_id, workshop_id, day),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id) on delete cascade
);

create table prod_routing_ops (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  item_id uuid not null,
  seq integer not null check (seq > 0),
  workshop_id uuid not null,
  hours_per_unit double precision not null check (hours_per_unit >= 0),
  -- Days before (negative) the item's planned day the operation runs: filling the day before packing.
  offset_days integer not null default 0 check (offset_days between -365 and 365),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, item_id, seq),
  foreign key (org_id, item_id) references prod_items (org_id, id),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id)
);
create index prod_routing_ops_workshop_idx on prod_routing_ops (org_id, workshop_id);

-- Human-readable numbers (DD-2026-0001, SCTZ-2026-0001) of the production module.
create table prod_counters (
  org_id uuid not null references organisations (id),
  prefix text not null,
  year integer not null,
  last_number integer not null,
  primary key (org_id, prefix, year)
);
