-- Material requisitions (领料单, PP-17, T4 第二十八至三十条、第三十八条): a workshop asks for
-- the materials of some days of its plan, the quantities proposed from the BOM norms and yield;
-- the workshop director approves, a line above the norm goes on to the policy's role, and the
-- warehouse issues only against an approved requisition. What was issued and returned is not
-- kept here: it is the ledger's documents that reference the requisition (prod_stock_docs).

create table prod_requisitions (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  -- LL-2026-0001, unique per organisation and year.
  number text not null,
  workshop_id uuid not null,
  -- The plan days the materials are for (one day for a team leader's daily requisition, 第三十八条).
  days date[] not null check (cardinality(days) between 1 and 31),
  -- Where the norm came from: the workshop's confirmed weekly plan, else the monthly plan in force.
  source text not null check (source in ('weekly', 'monthly')),
  plan_id uuid,
  -- submitted: waits for the workshop director; escalated: a line is above the norm and waits
  -- for the policy's role; approved: the warehouse may issue; rejected / withdrawn: never issued.
  state text not null check (state in ('submitted', 'escalated', 'approved', 'rejected', 'withdrawn')),
  is_above_norm boolean not null default false,
  -- The role that approves above-norm lines, as the policy named it when the requisition was made.
  above_norm_role text,
  note text not null default '',
  requested_by uuid not null,
  requested_at timestamptz not null,
  approved_by uuid,
  approved_at timestamptz,
  above_norm_approved_by uuid,
  above_norm_approved_at timestamptz,
  decided_opinion text,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, plan_id) references prod_plans (org_id, id),
  foreign key (org_id, requested_by) references users (org_id, id),
  foreign key (org_id, approved_by) references users (org_id, id),
  foreign key (org_id, above_norm_approved_by) references users (org_id, id),
  check (state <> 'escalated' or is_above_norm)
);
create index prod_requisitions_workshop_idx on prod_requisitions (org_id, workshop_id, requested_at);
create index prod_requisitions_state_idx on prod_requisitions (org_id, state);
create index prod_requisitions_days_idx on prod_requisitions using gin (days);
create index prod_requisitions_plan_idx on prod_requisitions (org_id, plan_id);
create index prod_requisitions_requested_by_idx on prod_requisitions (org_id, requested_by);
create index prod_requisitions_approved_by_idx on prod_requisitions (org_id, approved_by);
create index prod_requisitions_above_norm_by_idx on prod_requisitions (org_id, above_norm_approved_by);

create table prod_requisition_lines (
  org_id uuid not null,
  requisition_id uuid not null,
  line_no integer not null check (line_no > 0),
  item_id uuid not null,
  -- The norm for the requisition's days (planned quantity × BOM quantity / yield × (1 + scrap)).
  norm_qty double precision not null check (norm_qty >= 0),
  -- What earlier requisitions of the workshop already asked for those days.
  prior_qty double precision not null default 0 check (prior_qty >= 0),
  requested_qty double precision not null check (requested_qty > 0),
  -- The norm per day, so a later requisition for an overlapping day can take its share off.
  norm_by_day jsonb not null default '{}',
  is_above_norm boolean not null default false,
  reason text not null default '',
  primary key (org_id, requisition_id, line_no),
  unique (org_id, requisition_id, item_id),
  foreign key (org_id, requisition_id) references prod_requisitions (org_id, id),
  foreign key (org_id, item_id) references prod_items (org_id, id),
  check (not is_above_norm or length(trim(reason)) > 0)
);
create index prod_requisition_lines_item_idx on prod_requisition_lines (org_id, item_id);

-- The approval trail: submitted, approved by the director, approved above the norm, rejected, withdrawn.
create table prod_requisition_events (
  org_id uuid not null,
  requisition_id uuid not null,
  seq integer not null,
  action text not null check (action in ('submit', 'approve', 'approve_above_norm', 'reject', 'withdraw')),
  from_state text,
  to_state text not null,
  actor_id uuid,
  actor_name text not null,
  opinion text,
  at timestamptz not null,
  primary key (org_id, requisition_id, seq),
  foreign key (org_id, requisition_id) references prod_requisitions (org_id, id),
  foreign key (org_id, actor_id) references users (org_id, id)
);
create index prod_requisition_events_actor_idx on prod_requisition_events (org_id, actor_id);

-- Which workshop draws a BOM component (用料车间). Without a row the component goes to the
-- workshop of the parent's first routing operation.
create table prod_bom_line_workshops (
  org_id uuid not null,
  bom_line_id uuid not null,
  workshop_id uuid not null,
  primary key (org_id, bom_line_id),
  foreign key (org_id, bom_line_id) references prod_bom_lines (org_id, id) on delete cascade,
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id)
);
create index prod_bom_line_workshops_workshop_idx on prod_bom_line_workshops (org_id, workshop_id);
