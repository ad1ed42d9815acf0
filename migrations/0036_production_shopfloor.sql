-- Shop floor (现场管理, PP-20, T4 第三十六 … 四十五条): the daily safety checklist and its
-- items, rectifications tracked to close (and escalated when the workshop cannot fix them),
-- directors' patrol inspections, and operators' self / mutual checks and operation records.
-- Site standards and process specifications are documents of the approval engine.

-- The items of the safety checklist (安全生产检查表), for one workshop or (null) all of them.
create table prod_safety_items (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  workshop_id uuid,
  text text not null,
  sort integer not null default 0,
  is_active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id)
);
create index prod_safety_items_workshop_idx on prod_safety_items (org_id, workshop_id);

-- One person's checklist of a workshop on a day (T4 第四十一条: directors and team leaders, daily).
create table prod_safety_checks (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  workshop_id uuid not null,
  checked_on date not null,
  -- Each item as it was checked: { itemId, text, ok, note }.
  results jsonb not null,
  problem_count integer not null default 0 check (problem_count >= 0),
  checked_by uuid not null,
  checked_at timestamptz not null,
  primary key (org_id, id),
  unique (org_id, workshop_id, checked_on, checked_by),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, checked_by) references users (org_id, id)
);
create index prod_safety_checks_day_idx on prod_safety_checks (org_id, checked_on);
create index prod_safety_checks_checked_by_idx on prod_safety_checks (org_id, checked_by);

-- A director's patrol inspection (巡检, T4 第三十七条); its findings are rectifications.
create table prod_patrols (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  workshop_id uuid not null,
  inspected_at timestamptz not null,
  inspected_on date not null,
  note text not null default '',
  finding_count integer not null default 0 check (finding_count >= 0),
  inspector_id uuid not null,
  primary key (org_id, id),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, inspector_id) references users (org_id, id)
);
create index prod_patrols_workshop_idx on prod_patrols (org_id, workshop_id, inspected_on);
create index prod_patrols_inspector_idx on prod_patrols (org_id, inspector_id);

-- A problem to fix: from the safety checklist or a patrol. One the workshop cannot fix is
-- escalated to the production department (本车间无法整改的应立即上报).
create table prod_rectifications (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  number text not null,
  source text not null check (source in ('safety', 'patrol')),
  check_id uuid,
  patrol_id uuid,
  workshop_id uuid not null,
  item_text text not null default '',
  problem text not null,
  owner_user_id uuid not null,
  due_on date not null,
  state text not null default 'open' check (state in ('open', 'escalated', 'done')),
  escalated_by uuid,
  escalated_at timestamptz,
  escalation_note text,
  closed_by uuid,
  closed_at timestamptz,
  close_note text,
  created_by uuid not null,
  created_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, check_id) references prod_safety_checks (org_id, id),
  foreign key (org_id, patrol_id) references prod_patrols (org_id, id),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, owner_user_id) references users (org_id, id),
  foreign key (org_id, escalated_by) references users (org_id, id),
  foreign key (org_id, closed_by) references users (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id),
  check ((source = 'safety') = (check_id is not null)),
  check ((source = 'patrol') = (patrol_id is not null)),
  check (state <> 'escalated' or escalated_at is not null),
  check (state <> 'done' or closed_at is not null)
);
create index prod_rectifications_workshop_idx on prod_rectifications (org_id, workshop_id, state);
create index prod_rectifications_check_idx on prod_rectifications (org_id, check_id);
create index prod_rectifications_patrol_idx on prod_rectifications (org_id, patrol_id);
create index prod_rectifications_owner_idx on prod_rectifications (org_id, owner_user_id);
create index prod_rectifications_escalated_by_idx on prod_rectifications (org_id, escalated_by);
create index prod_rectifications_closed_by_idx on prod_rectifications (org_id, closed_by);
create index prod_rectifications_created_by_idx on prod_rectifications (org_id, created_by);

-- Operators' self and mutual checks and operation records (T4 第三十九条), per shift and step.
create table prod_operation_records (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  workshop_id uuid not null,
  recorded_on date not null,
  shift integer not null check (shift between 1 and 3),
  step text not null,
  kind text not null check (kind in ('self', 'mutual', 'operation')),
  result text not null check (result in ('ok', 'problem')),
  note text not null default '',
  -- A mutual check is of a colleague's work.
  checked_user_id uuid,
  recorded_by uuid not null,
  recorded_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, checked_user_id) references users (org_id, id),
  foreign key (org_id, recorded_by) references users (org_id, id),
  check (result = 'ok' or note <> '')
);
create index prod_operation_records_workshop_idx on prod_operation_records (org_id, workshop_id, recorded_on);
create index prod_operation_records_checked_idx on prod_operation_records (org_id, checked_user_id);
create index prod_operation_records_recorded_by_idx on prod_operation_records (org_id, recorded_by);
