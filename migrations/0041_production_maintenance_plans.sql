-- The annual maintenance plan (年度设备保养计划, PP-25, T4 第四十八条): per machine the cycle,
-- owner and planned months, approved by the GM through the approval engine; and its monthly
-- split (T4 第四十九条) into slots the production department balances against the load.

create table prod_maintenance_plans (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  -- The approval document (doc type production.maintenance_plan) that carries state and approvals.
  document_id uuid not null,
  year integer not null check (year between 2000 and 2100),
  created_by uuid not null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, document_id),
  unique (org_id, year),
  foreign key (org_id, document_id) references documents (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index prod_maintenance_plans_created_by_idx on prod_maintenance_plans (org_id, created_by);

create table prod_maintenance_lines (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  machine_id uuid not null,
  cycle text not null check (cycle in ('monthly', 'quarterly', 'half_yearly', 'yearly')),
  content text not null,
  owner_user_id uuid,
  -- Hours the machine stands still for one maintenance.
  hours double precision not null check (hours > 0 and hours <= 744),
  months integer[] not null,
  -- Week of the month (1–5) the maintenance is planned in; the planner may move a month's slot.
  week integer not null default 1 check (week between 1 and 5),
  sort integer not null default 0,
  primary key (org_id, id),
  foreign key (org_id, plan_id) references prod_maintenance_plans (org_id, id) on delete cascade,
  foreign key (org_id, machine_id) references prod_machines (org_id, id),
  foreign key (org_id, owner_user_id) references users (org_id, id)
);
create index prod_maintenance_lines_plan_idx on prod_maintenance_lines (org_id, plan_id, sort);
create index prod_maintenance_lines_machine_idx on prod_maintenance_lines (org_id, machine_id);
create index prod_maintenance_lines_owner_idx on prod_maintenance_lines (org_id, owner_user_id);

-- One maintenance of one machine in one month: made when the plan is issued.
create table prod_maintenance_slots (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  -- Null once the plan line is removed by an adjustment; a done slot stays on record.
  line_id uuid,
  machine_id uuid not null,
  month text not null check (month ~ '^\d{4}-\d{2}$'),
  planned_on date not null,
  hours double precision not null check (hours > 0),
  state text not null default 'planned' check (state in ('planned', 'done')),
  moved_by uuid,
  moved_at timestamptz,
  done_by uuid,
  done_at timestamptz,
  actual_hours double precision check (actual_hours >= 0),
  note text not null default '',
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, line_id, month),
  foreign key (org_id, plan_id) references prod_maintenance_plans (org_id, id) on delete cascade,
  foreign key (org_id, line_id) references prod_maintenance_lines (org_id, id) on delete set null (line_id),
  foreign key (org_id, machine_id) references prod_machines (org_id, id),
  foreign key (org_id, moved_by) references users (org_id, id),
  foreign key (org_id, done_by) references users (org_id, id)
);
create index prod_maintenance_slots_month_idx on prod_maintenance_slots (org_id, month);
create index prod_maintenance_slots_plan_idx on prod_maintenance_slots (org_id, plan_id);
create index prod_maintenance_slots_machine_idx on prod_maintenance_slots (org_id, machine_id);
create index prod_maintenance_slots_moved_by_idx on prod_maintenance_slots (org_id, moved_by);
create index prod_maintenance_slots_done_by_idx on prod_maintenance_slots (org_id, done_by);
