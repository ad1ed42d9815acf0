-- Daily production reports (生产日报, PP-18, T4 第三十四条), the coordination items a lag opens,
-- month-end variance causes (PP-18, PP-29) and each workshop's daily schedule for next month
-- (日生产进度表, T2 (2011) 3.(1)). Completion itself is read from the ledger's production
-- receipts (进仓, PP-22): a report's 进仓 posts a receipt document in the report's transaction.

create table prod_daily_reports (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  number text not null,
  workshop_id uuid not null,
  report_date date not null,
  -- 1 = first shift of the day … up to the workshop's shifts per day.
  shift integer not null check (shift between 1 and 4),
  -- Hours worked on the shift (工时), all lines together.
  hours_worked double precision not null default 0 check (hours_worked >= 0),
  note text not null default '',
  -- The production receipt (入库单) its 进仓 posted; replaced by a new one on amendment.
  receipt_doc_id uuid,
  -- 0 as first submitted; each amendment adds one and keeps the old values in the revisions.
  amendment integer not null default 0,
  reported_by uuid,
  reported_at timestamptz not null,
  amended_by uuid,
  amended_at timestamptz,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, number),
  -- One report per workshop, day and shift: a second submit is refused or amends this one.
  unique (org_id, workshop_id, report_date, shift),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, receipt_doc_id) references prod_stock_docs (org_id, id),
  foreign key (org_id, reported_by) references users (org_id, id),
  foreign key (org_id, amended_by) references users (org_id, id)
);
create index prod_daily_reports_date_idx on prod_daily_reports (org_id, report_date);
create index prod_daily_reports_receipt_idx on prod_daily_reports (org_id, receipt_doc_id);
create index prod_daily_reports_reported_by_idx on prod_daily_reports (org_id, reported_by);
create index prod_daily_reports_amended_by_idx on prod_daily_reports (org_id, amended_by);

create table prod_daily_report_lines (
  org_id uuid not null,
  report_id uuid not null,
  item_id uuid not null,
  -- The day's plan for the workshop and product when the report was made (for reading only).
  planned_qty double precision not null default 0 check (planned_qty >= 0),
  output_qty double precision not null default 0 check (output_qty >= 0),
  warehouse_qty double precision not null default 0 check (warehouse_qty >= 0),
  scrap_qty double precision not null default 0 check (scrap_qty >= 0),
  sort integer not null default 0,
  primary key (org_id, report_id, item_id),
  foreign key (org_id, report_id) references prod_daily_reports (org_id, id),
  foreign key (org_id, item_id) references prod_items (org_id, id)
);
create index prod_daily_report_lines_item_idx on prod_daily_report_lines (org_id, item_id);

create table prod_daily_report_stoppages (
  org_id uuid not null,
  report_id uuid not null,
  line_no integer not null check (line_no > 0),
  -- 断料 / 设备 / 停电停水 / 质量 / 工艺 / 其他 (T4 第三十二、三十五条).
  reason text not null check (reason in ('material', 'equipment', 'outage', 'quality', 'process', 'other')),
  minutes integer not null check (minutes > 0 and minutes <= 1440),
  -- The product it held up; null = the whole workshop.
  item_id uuid,
  note text not null default '',
  primary key (org_id, report_id, line_no),
  foreign key (org_id, report_id) references prod_daily_reports (org_id, id),
  foreign key (org_id, item_id) references prod_items (org_id, id)
);
create index prod_daily_report_stoppages_item_idx on prod_daily_report_stoppages (org_id, item_id);

-- The values an amendment replaced, kept whole (lines and stoppages) so nothing is lost.
create table prod_daily_report_revisions (
  org_id uuid not null,
  report_id uuid not null,
  amendment integer not null,
  snapshot jsonb not null,
  reason text not null,
  amended_by uuid,
  amended_at timestamptz not null,
  primary key (org_id, report_id, amendment),
  foreign key (org_id, report_id) references prod_daily_reports (org_id, id),
  foreign key (org_id, amended_by) references users (org_id, id)
);
create index prod_daily_report_revisions_by_idx on prod_daily_report_revisions (org_id, amended_by);

-- 协调事项: a workshop and product lagging the plan beyond the policy's threshold (T4 第三十四条).
create table prod_coordination_items (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  number text not null,
  workshop_id uuid not null,
  item_id uuid not null,
  opened_on date not null,
  -- The latest figures, month to date, as the last check saw them.
  as_of date not null,
  plan_to_date double precision not null,
  done_to_date double precision not null,
  lag_qty double precision not null,
  lag_days double precision not null,
  measure text not null check (measure in ('warehouse_receipt', 'reported_output')),
  owner_user_id uuid,
  state text not null default 'open' check (state in ('open', 'resolved')),
  resolution text,
  resolved_by uuid,
  resolved_at timestamptz,
  -- A coordination meeting that took it up (T4 第五十五条), when there was one.
  meeting_id uuid,
  report_id uuid,
  created_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, item_id) references prod_items (org_id, id),
  foreign key (org_id, owner_user_id) references users (org_id, id),
  foreign key (org_id, resolved_by) references users (org_id, id),
  foreign key (org_id, meeting_id) references meetings (org_id, id),
  foreign key (org_id, report_id) references prod_daily_reports (org_id, id),
  check ((state = 'resolved') = (resolution is not null))
);
-- One open item per workshop and product: a lasting lag updates it rather than opening more.
create unique index prod_coordination_open_idx on prod_coordination_items (org_id, workshop_id, item_id) where state = 'open';
create index prod_coordination_workshop_idx on prod_coordination_items (org_id, workshop_id);
create index prod_coordination_item_idx on prod_coordination_items (org_id, item_id);
create index prod_coordination_owner_idx on prod_coordination_items (org_id, owner_user_id);
create index prod_coordination_resolved_by_idx on prod_coordination_items (org_id, resolved_by);
create index prod_coordination_meeting_idx on prod_coordination_items (org_id, meeting_id);
create index prod_coordination_report_idx on prod_coordination_items (org_id, report_id);

-- Month-end cause and corrective action of a large variance (T4 第三十四条).
create table prod_month_variances (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  month text not null check (month ~ '^\d{4}-\d{2}$'),
  workshop_id uuid not null,
  item_id uuid not null,
  cause_kind text not null check (cause_kind in ('organisation', 'quality', 'material', 'equipment', 'outage', 'process', 'other')),
  cause text not null,
  corrective_action text not null,
  entered_by uuid,
  entered_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, month, workshop_id, item_id),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, item_id) references prod_items (org_id, id),
  foreign key (org_id, entered_by) references users (org_id, id)
);
create index prod_month_variances_workshop_idx on prod_month_variances (org_id, workshop_id);
create index prod_month_variances_item_idx on prod_month_variances (org_id, item_id);
create index prod_month_variances_entered_by_idx on prod_month_variances (org_id, entered_by);

-- 日生产进度表: a workshop's plan per product and day for a month, a document in the approval
-- engine, issued to the VP and the departments.
create table prod_daily_schedules (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  month text not null check (month ~ '^\d{4}-\d{2}$'),
  workshop_id uuid not null,
  plan_id uuid not null,
  document_id uuid not null,
  created_by uuid not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, month, workshop_id),
  unique (org_id, document_id),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, plan_id) references prod_plans (org_id, id),
  foreign key (org_id, document_id) references documents (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index prod_daily_schedules_workshop_idx on prod_daily_schedules (org_id, workshop_id);
create index prod_daily_schedules_plan_idx on prod_daily_schedules (org_id, plan_id);
create index prod_daily_schedules_created_by_idx on prod_daily_schedules (org_id, created_by);

create table prod_daily_schedule_lines (
  org_id uuid not null,
  schedule_id uuid not null,
  item_id uuid not null,
  -- One quantity per day of the month.
  quantities double precision[] not null,
  total double precision not null,
  sort integer not null default 0,
  primary key (org_id, schedule_id, item_id),
  foreign key (org_id, schedule_id) references prod_daily_schedules (org_id, id),
  foreign key (org_id, item_id) references prod_items (org_id, id)
);
create index prod_daily_schedule_lines_item_idx on prod_daily_schedule_lines (org_id, item_id);
