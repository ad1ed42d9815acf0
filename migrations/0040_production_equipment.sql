-- Equipment (PP-23 … PP-26, T4 第四十六 … 五十二条): numbered machines with their card (一机一卡),
-- spot-check items from the operating procedure, daily upkeep items and records, spot checks
-- before each operation, repair orders, and the capacity a stopped machine takes from its
-- workshop's calendar.

create table prod_machines (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  -- The machine's number (设备编号), painted on it and printed on its card.
  code text not null check (length(code) between 1 and 40),
  name text not null,
  model text not null default '',
  workshop_id uuid not null,
  location text not null default '',
  maker text not null default '',
  commissioned_on date,
  state text not null default 'running' check (state in ('running', 'stopped', 'under_repair', 'retired')),
  owner_user_id uuid,
  -- Share of the workshop's capacity the machine carries; null = 1 / the workshop's machines in service.
  capacity_share double precision check (capacity_share > 0 and capacity_share <= 1),
  note text not null default '',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, code),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, owner_user_id) references users (org_id, id)
);
create index prod_machines_workshop_idx on prod_machines (org_id, workshop_id);
create index prod_machines_owner_idx on prod_machines (org_id, owner_user_id);

-- 日常点检项目 of the operating procedure (T4 第五十条): checked before each operation.
create table prod_machine_check_items (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  machine_id uuid not null,
  seq integer not null,
  content text not null,
  standard text not null default '',
  primary key (org_id, id),
  foreign key (org_id, machine_id) references prod_machines (org_id, id) on delete cascade
);
create index prod_machine_check_items_machine_idx on prod_machine_check_items (org_id, machine_id, seq);

-- 日常保养项目、内容及频率 (T4 第四十七条). An item with records is retired, never deleted.
create table prod_upkeep_items (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  machine_id uuid not null,
  seq integer not null,
  content text not null,
  method text not null default '',
  frequency text not null check (frequency in ('shift', 'daily', 'weekly', 'monthly')),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, machine_id) references prod_machines (org_id, id) on delete cascade
);
create index prod_upkeep_items_machine_idx on prod_upkeep_items (org_id, machine_id, seq);

create table prod_upkeep_records (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  machine_id uuid not null,
  item_id uuid not null,
  -- The organisation's calendar day of done_at: the due list and the compliance count by it.
  done_on date not null,
  done_at timestamptz not null,
  done_by uuid not null,
  result text not null check (result in ('done', 'problem')),
  note text not null default '',
  primary key (org_id, id),
  foreign key (org_id, machine_id) references prod_machines (org_id, id),
  foreign key (org_id, item_id) references prod_upkeep_items (org_id, id),
  foreign key (org_id, done_by) references users (org_id, id)
);
create index prod_upkeep_records_machine_idx on prod_upkeep_records (org_id, machine_id, done_on);
create index prod_upkeep_records_item_idx on prod_upkeep_records (org_id, item_id, done_on);
create index prod_upkeep_records_done_by_idx on prod_upkeep_records (org_id, done_by);

create table prod_repair_orders (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  -- WX-2026-0001: unique per organisation and year.
  number text not null,
  machine_id uuid not null,
  workshop_id uuid not null,
  source text not null check (source in ('spot_check', 'report')),
  fault text not null,
  reported_by uuid not null,
  reported_at timestamptz not null,
  -- When the machine stopped; downtime runs from here to returned_at.
  stopped_at timestamptz not null,
  state text not null default 'reported' check (state in ('reported', 'accepted', 'repairing', 'done')),
  accepted_by uuid,
  accepted_at timestamptz,
  diagnosis text not null default '',
  diagnosed_by uuid,
  diagnosed_at timestamptz,
  parts jsonb not null default '[]',
  action_taken text not null default '',
  returned_by uuid,
  returned_at timestamptz,
  downtime_hours double precision check (downtime_hours >= 0),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, machine_id) references prod_machines (org_id, id),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, reported_by) references users (org_id, id),
  foreign key (org_id, accepted_by) references users (org_id, id),
  foreign key (org_id, diagnosed_by) references users (org_id, id),
  foreign key (org_id, returned_by) references users (org_id, id),
  check (returned_at is null or returned_at >= stopped_at)
);
create index prod_repair_orders_machine_idx on prod_repair_orders (org_id, machine_id, reported_at);
create index prod_repair_orders_workshop_idx on prod_repair_orders (org_id, workshop_id);
create index prod_repair_orders_state_idx on prod_repair_orders (org_id, state);
create index prod_repair_orders_reported_by_idx on prod_repair_orders (org_id, reported_by);
create index prod_repair_orders_accepted_by_idx on prod_repair_orders (org_id, accepted_by);
create index prod_repair_orders_diagnosed_by_idx on prod_repair_orders (org_id, diagnosed_by);
create index prod_repair_orders_returned_by_idx on prod_repair_orders (org_id, returned_by);
-- One open repair per machine: a second anomaly joins the repair already under way.
create unique index prod_repair_orders_open_idx on prod_repair_orders (org_id, machine_id) where state <> 'done';

-- 点检 before each operation (T4 第五十条): each item ok or not; an anomaly opens a repair.
create table prod_spot_checks (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  machine_id uuid not null,
  checked_on date not null,
  checked_at timestamptz not null,
  checked_by uuid not null,
  result text not null check (result in ('ok', 'anomaly')),
  -- The items as they were checked: [{ itemId, content, isOk, note }].
  items jsonb not null,
  note text not null default '',
  repair_id uuid,
  primary key (org_id, id),
  foreign key (org_id, machine_id) references prod_machines (org_id, id),
  foreign key (org_id, checked_by) references users (org_id, id),
  foreign key (org_id, repair_id) references prod_repair_orders (org_id, id)
);
create index prod_spot_checks_machine_idx on prod_spot_checks (org_id, machine_id, checked_at);
create index prod_spot_checks_day_idx on prod_spot_checks (org_id, checked_on);
create index prod_spot_checks_checked_by_idx on prod_spot_checks (org_id, checked_by);
create index prod_spot_checks_repair_idx on prod_spot_checks (org_id, repair_id);

-- Capacity a workshop cannot use while something stands still (a stopped machine, PP-26):
-- the capacity calendar deducts share × the part of each day inside [started_at, ended_at).
create table prod_capacity_losses (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  workshop_id uuid not null,
  source_type text not null,
  source_id uuid not null,
  share double precision not null check (share > 0 and share <= 1),
  started_at timestamptz not null,
  ended_at timestamptz,
  note text not null default '',
  primary key (org_id, id),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  check (ended_at is null or ended_at >= started_at)
);
create index prod_capacity_losses_workshop_idx on prod_capacity_losses (org_id, workshop_id, started_at);
create unique index prod_capacity_losses_open_idx on prod_capacity_losses (org_id, source_type, source_id) where ended_at is null;
