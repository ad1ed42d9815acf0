-- Production plans: annual, quarterly, monthly, weekly workshop, special and temporary
-- (PP-6 … PP-12), their lines and revisions, capacity countermeasures (PP-9), the MRP
-- decomposition (PP-8, PP-14), special/temporary requests (PP-11), annual inputs (PP-6)
-- and what became of orders received after the plan (PP-12).

create table prod_plans (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('annual', 'quarterly', 'monthly', 'weekly', 'special', 'temporary')),
  -- The approval document; weekly workshop plans are confirmed by the workshop and have none.
  document_id uuid,
  title text not null,
  period_start date not null,
  period_end date not null,
  bucket text not null check (bucket in ('day', 'month')),
  workshop_id uuid,
  parent_plan_id uuid,
  request_id uuid,
  -- The last capacity check (PP-9) and the plan version it was made for.
  capacity jsonb,
  capacity_status text not null default 'unchecked' check (capacity_status in ('unchecked', 'ok', 'over', 'under', 'over_under')),
  capacity_version integer,
  under_reported_at timestamptz,
  materials_at timestamptz,
  materials_summary jsonb,
  confirmed_by uuid,
  confirmed_at timestamptz,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, document_id),
  foreign key (org_id, document_id) references documents (org_id, id),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, parent_plan_id) references prod_plans (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id),
  foreign key (org_id, confirmed_by) references users (org_id, id),
  check (period_end >= period_start),
  check ((kind = 'weekly') = (workshop_id is not null))
);
create index prod_plans_workshop_idx on prod_plans (org_id, workshop_id);
create index prod_plans_parent_idx on prod_plans (org_id, parent_plan_id);
create index prod_plans_request_idx on prod_plans (org_id, request_id);
create index prod_plans_created_by_idx on prod_plans (org_id, created_by);
create index prod_plans_confirmed_by_idx on prod_plans (org_id, confirmed_by);
create index prod_plans_period_idx on prod_plans (org_id, kind, period_start);
-- One annual, quarterly and monthly plan per period; one weekly plan per workshop and week.
create unique index prod_plans_one_per_period_idx on prod_plans (org_id, kind, period_start) where kind in ('annual', 'quarterly', 'monthly');
create unique index prod_plans_one_per_workshop_week_idx on prod_plans (org_id, workshop_id, period_start) where kind = 'weekly';

-- The working lines: one row per product, its quantity per bucket (day or month) as an array,
-- so a 2,000-product plan saves in a few batched statements.
create table prod_plan_lines (
  org_id uuid not null,
  plan_id uuid not null,
  item_id uuid not null,
  -- The demand the plan expects for the product (月度生产计划已预估的量, T4 第二十一条).
  forecast_qty double precision check (forecast_qty is null or forecast_qty >= 0),
  quantities double precision[] not null,
  total double precision not null check (total >= 0),
  note text not null default '',
  sort integer not null default 0,
  primary key (org_id, plan_id, item_id),
  foreign key (org_id, plan_id) references prod_plans (org_id, id) on delete cascade,
  foreign key (org_id, item_id) references prod_items (org_id, id)
);
create index prod_plan_lines_item_idx on prod_plan_lines (org_id, item_id);

-- The lines as each revision was submitted, so an approved revision stays readable and diffable.
create table prod_plan_revision_lines (
  org_id uuid not null,
  plan_id uuid not null,
  revision integer not null,
  item_id uuid not null,
  forecast_qty double precision,
  quantities double precision[] not null,
  total double precision not null,
  primary key (org_id, plan_id, revision, item_id),
  foreign key (org_id, plan_id) references prod_plans (org_id, id) on delete cascade,
  foreign key (org_id, item_id) references prod_items (org_id, id)
);
create index prod_plan_revision_lines_item_idx on prod_plan_revision_lines (org_id, item_id);

-- PP-9: what the planner does about a workshop over capacity in a period.
create table prod_countermeasures (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  workshop_id uuid not null,
  bucket_start date not null,
  kind text not null check (kind in ('overtime', 'outsourcing', 'reschedule', 'other')),
  description text not null,
  extra_hours double precision check (extra_hours is null or extra_hours >= 0),
  created_by uuid not null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, plan_id) references prod_plans (org_id, id) on delete cascade,
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index prod_countermeasures_plan_idx on prod_countermeasures (org_id, plan_id, workshop_id, bucket_start);
create index prod_countermeasures_workshop_idx on prod_countermeasures (org_id, workshop_id);
create index prod_countermeasures_created_by_idx on prod_countermeasures (org_id, created_by);

-- PP-8 / PP-14: the plan decomposed by MRP into part, purchase and outsourcing plans.
create table prod_plan_materials (
  org_id uuid not null,
  plan_id uuid not null,
  item_id uuid not null,
  kind text not null check (kind in ('make', 'buy', 'outsource')),
  need_on date not null,
  release_on date not null,
  gross double precision not null,
  qty double precision not null,
  is_past_due boolean not null default false,
  primary key (org_id, plan_id, item_id, need_on),
  foreign key (org_id, plan_id) references prod_plans (org_id, id) on delete cascade,
  foreign key (org_id, item_id) references prod_items (org_id, id)
);
create index prod_plan_materials_item_idx on prod_plan_materials (org_id, item_id);

-- PP-11: special (专项) and temporary (临时) requirements, their feasibility and written feedback.
create table prod_plan_requests (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  number text not null,
  kind text not null check (kind in ('special', 'temporary')),
  title text not null,
  requester_id uuid not null,
  requester_department_id uuid,
  received_at timestamptz not null,
  received_on date not null,
  issue_due_on date not null,
  -- [{ itemId, qty, dueOn }]
  lines jsonb not null,
  feasibility jsonb,
  is_feasible boolean,
  feedback_zh text,
  feedback_en text,
  feedback_sent_at timestamptz,
  plan_id uuid,
  state text not null default 'received' check (state in ('received', 'planned', 'infeasible', 'closed')),
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, requester_id) references users (org_id, id),
  foreign key (org_id, requester_department_id) references departments (org_id, id),
  foreign key (org_id, plan_id) references prod_plans (org_id, id)
);
create index prod_plan_requests_requester_idx on prod_plan_requests (org_id, requester_id);
create index prod_plan_requests_department_idx on prod_plan_requests (org_id, requester_department_id);
create index prod_plan_requests_plan_idx on prod_plan_requests (org_id, plan_id);
alter table prod_plans add foreign key (org_id, request_id) references prod_plan_requests (org_id, id);

-- PP-6: what market, finance, procurement, R&D and production contribute to the annual plan.
create table prod_annual_inputs (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  party text not null check (party in ('market', 'finance', 'procurement', 'rnd', 'production')),
  content text not null,
  submitted_by uuid not null,
  submitted_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, plan_id, party),
  foreign key (org_id, plan_id) references prod_plans (org_id, id) on delete cascade,
  foreign key (org_id, submitted_by) references users (org_id, id)
);
create index prod_annual_inputs_submitted_by_idx on prod_annual_inputs (org_id, submitted_by);

-- PP-12: each approved order line checked against the monthly plan's forecast.
create table prod_order_absorptions (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  order_line_id uuid not null,
  plan_id uuid not null,
  item_id uuid not null,
  order_qty double precision not null,
  forecast_qty double precision not null,
  cumulative_qty double precision not null,
  decision text not null check (decision in ('absorbed', 'adjusted', 'pending')),
  plan_revision integer,
  created_at timestamptz not null,
  primary key (org_id, id),
  unique (org_id, order_line_id, plan_id),
  foreign key (org_id, order_line_id) references prod_order_lines (org_id, id) on delete cascade,
  foreign key (org_id, plan_id) references prod_plans (org_id, id),
  foreign key (org_id, item_id) references prod_items (org_id, id)
);
create index prod_order_absorptions_plan_idx on prod_order_absorptions (org_id, plan_id);
create index prod_order_absorptions_item_idx on prod_order_absorptions (org_id, item_id);
