-- T3 第十四条 and 第十五条 (PP-28). A temporary plan a workshop cannot meet goes workshop →
-- production → market → contract change, each step with who and when; and the monthly plan
-- revisions adjusted for a customer change, which need the GM's approval.

create table prod_unmet_plan_routes (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  request_id uuid not null,
  plan_id uuid not null,
  workshop_id uuid not null,
  reason text not null,
  state text not null default 'reported' check (state in ('reported', 'declined', 'forwarded', 'contract_changed', 'refused')),
  reported_by uuid not null,
  reported_at timestamptz not null,
  forwarded_by uuid,
  forwarded_at timestamptz,
  forward_note text,
  market_by uuid,
  market_at timestamptz,
  market_note text,
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, request_id) references prod_plan_requests (org_id, id),
  foreign key (org_id, plan_id) references prod_plans (org_id, id),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, reported_by) references users (org_id, id),
  foreign key (org_id, forwarded_by) references users (org_id, id),
  foreign key (org_id, market_by) references users (org_id, id)
);
create index prod_unmet_plan_routes_request_idx on prod_unmet_plan_routes (org_id, request_id);
create index prod_unmet_plan_routes_plan_idx on prod_unmet_plan_routes (org_id, plan_id);
create index prod_unmet_plan_routes_workshop_idx on prod_unmet_plan_routes (org_id, workshop_id);
create index prod_unmet_plan_routes_reported_by_idx on prod_unmet_plan_routes (org_id, reported_by);
create index prod_unmet_plan_routes_forwarded_by_idx on prod_unmet_plan_routes (org_id, forwarded_by);
create index prod_unmet_plan_routes_market_by_idx on prod_unmet_plan_routes (org_id, market_by);
-- One open route per requirement and workshop at a time.
create unique index prod_unmet_plan_routes_open_idx on prod_unmet_plan_routes (org_id, request_id, workshop_id) where state in ('reported', 'forwarded');

-- A monthly plan revision adjusted because a customer changed the contract (T3 第十五条).
create table prod_plan_change_causes (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  revision integer not null check (revision >= 1),
  order_change_id uuid,
  note text not null default '',
  created_by uuid,
  created_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, plan_id) references prod_plans (org_id, id) on delete cascade,
  foreign key (org_id, order_change_id) references prod_order_changes (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index prod_plan_change_causes_plan_idx on prod_plan_change_causes (org_id, plan_id, revision);
create index prod_plan_change_causes_change_idx on prod_plan_change_causes (org_id, order_change_id);
create index prod_plan_change_causes_created_by_idx on prod_plan_change_causes (org_id, created_by);
create unique index prod_plan_change_causes_one_idx on prod_plan_change_causes (org_id, plan_id, revision, order_change_id) where order_change_id is not null;
