-- Demand: sales plans and forecasts (PP-1, PP-2), orders with their joint review (PP-3),
-- customer changes (PP-4), shipments and the month-end summary (PP-5).

create table prod_sales_plans (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  -- The approval document (doc type production.sales_plan) that carries state and approvals.
  document_id uuid not null,
  kind text not null check (kind in ('annual', 'quarterly', 'monthly')),
  period_start date not null,
  period_end date not null,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, document_id),
  foreign key (org_id, document_id) references documents (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id),
  check (period_end >= period_start)
);
create index prod_sales_plans_created_by_idx on prod_sales_plans (org_id, created_by);
create index prod_sales_plans_period_idx on prod_sales_plans (org_id, kind, period_start);

-- Annual and quarterly plans: one line per product and month (on_date = the month's first day).
-- Monthly plans (the forecast of PP-2): one line per product and ship date, the delivery schedule.
create table prod_sales_plan_lines (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  item_id uuid not null,
  on_date date not null,
  qty double precision not null check (qty >= 0),
  unit_price numeric(14, 2) check (unit_price is null or unit_price >= 0),
  primary key (org_id, id),
  unique (org_id, plan_id, item_id, on_date),
  foreign key (org_id, plan_id) references prod_sales_plans (org_id, id) on delete cascade,
  foreign key (org_id, item_id) references prod_items (org_id, id)
);
create index prod_sales_plan_lines_item_idx on prod_sales_plan_lines (org_id, item_id, on_date);

create table prod_orders (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  number text not null,
  -- T4 第十四条: 合同、口头订单、书面订单、要货通知.
  kind text not null check (kind in ('contract', 'oral', 'written', 'delivery_request')),
  customer text not null,
  contact text not null default '',
  received_on date not null,
  note text not null default '',
  state text not null default 'received' check (state in ('received', 'in_review', 'submitted', 'approved', 'rejected', 'cancelled')),
  -- The joint-review report (doc type production.order_review) the general manager approves.
  review_document_id uuid,
  -- Once approved the order is a 销售计划单 with its own number.
  sales_sheet_number text,
  approved_at timestamptz,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, number),
  unique (org_id, sales_sheet_number),
  foreign key (org_id, review_document_id) references documents (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index prod_orders_review_document_idx on prod_orders (org_id, review_document_id);
create index prod_orders_created_by_idx on prod_orders (org_id, created_by);
create index prod_orders_state_idx on prod_orders (org_id, state, received_on);

create table prod_order_lines (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  order_id uuid not null,
  line_no integer not null,
  item_id uuid not null,
  qty double precision not null check (qty > 0),
  requested_ship_on date not null,
  -- Fixed by the joint review (订单汇审).
  agreed_qty double precision check (agreed_qty is null or agreed_qty >= 0),
  agreed_ship_on date,
  unit_price numeric(14, 2) check (unit_price is null or unit_price >= 0),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, order_id, line_no),
  foreign key (org_id, order_id) references prod_orders (org_id, id) on delete cascade,
  foreign key (org_id, item_id) references prod_items (org_id, id)
);
create index prod_order_lines_item_idx on prod_order_lines (org_id, item_id, agreed_ship_on);

-- One opinion per reviewing party: production, quality/R&D, the business unit.
create table prod_order_reviews (
  org_id uuid not null,
  order_id uuid not null,
  party text not null check (party in ('production', 'quality', 'business')),
  reviewer_id uuid not null,
  opinion text not null,
  is_agreed boolean not null,
  at timestamptz not null,
  primary key (org_id, order_id, party),
  foreign key (org_id, order_id) references prod_orders (org_id, id) on delete cascade,
  foreign key (org_id, reviewer_id) references users (org_id, id)
);
create index prod_order_reviews_reviewer_idx on prod_order_reviews (org_id, reviewer_id);

create table prod_order_changes (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  order_id uuid not null,
  order_line_id uuid not null,
  kind text not null check (kind in ('product', 'quantity', 'date', 'cancel')),
  new_item_id uuid,
  new_qty double precision check (new_qty is null or new_qty >= 0),
  new_ship_on date,
  reason text not null,
  received_on date not null,
  -- T4 第十六条: every change needs the customer's written confirmation.
  has_written_confirmation boolean not null default false,
  confirmation_ref text not null default '',
  -- T3 第十六条: days between the change reaching production and the first affected ship date.
  notice_days integer not null,
  is_short_notice boolean not null,
  short_notice_reason text,
  state text not null default 'pending' check (state in ('pending', 'applied', 'rejected')),
  decision_note text,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  decided_by uuid,
  decided_at timestamptz,
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, order_id) references prod_orders (org_id, id),
  foreign key (org_id, order_line_id) references prod_order_lines (org_id, id),
  foreign key (org_id, new_item_id) references prod_items (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id),
  foreign key (org_id, decided_by) references users (org_id, id)
);
create index prod_order_changes_order_idx on prod_order_changes (org_id, order_id);
create index prod_order_changes_line_idx on prod_order_changes (org_id, order_line_id);
create index prod_order_changes_item_idx on prod_order_changes (org_id, new_item_id);
create index prod_order_changes_created_by_idx on prod_order_changes (org_id, created_by);
create index prod_order_changes_decided_by_idx on prod_order_changes (org_id, decided_by);

-- PP-5: the monthly shipment plan (planned_on) and what was shipped, invoiced and collected.
create table prod_shipments (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  order_line_id uuid not null,
  planned_on date not null,
  qty double precision not null check (qty >= 0),
  shipped_on date,
  shipped_qty double precision not null default 0 check (shipped_qty >= 0),
  invoiced_amount numeric(14, 2) not null default 0 check (invoiced_amount >= 0),
  collected_amount numeric(14, 2) not null default 0 check (collected_amount >= 0),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, order_line_id, planned_on),
  foreign key (org_id, order_line_id) references prod_order_lines (org_id, id) on delete cascade
);
create index prod_shipments_planned_idx on prod_shipments (org_id, planned_on);

-- PP-5: the month-end sales statistics and collection summary sent to the general manager.
create table prod_month_reports (
  org_id uuid not null,
  month text not null check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  summary jsonb not null,
  submitted_by uuid not null,
  submitted_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, month),
  foreign key (org_id, submitted_by) references users (org_id, id)
);
create index prod_month_reports_submitted_by_idx on prod_month_reports (org_id, submitted_by);
