-- Production notices (生产通知单, PP-13, T3 第六条) and the intermediate transfers that must
-- quote a notice number (T3 第十条).

create table prod_notices (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  number text not null,
  plan_id uuid,
  workshop_id uuid,
  item_id uuid not null,
  qty double precision not null check (qty > 0),
  spec text not null default '',
  quality_requirements text not null,
  packaging_requirements text not null,
  due_on date not null,
  note text not null default '',
  state text not null default 'draft' check (state in ('draft', 'issued', 'done', 'cancelled')),
  issued_by uuid,
  issued_at timestamptz,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, plan_id) references prod_plans (org_id, id),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, item_id) references prod_items (org_id, id),
  foreign key (org_id, issued_by) references users (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index prod_notices_plan_idx on prod_notices (org_id, plan_id);
create index prod_notices_workshop_idx on prod_notices (org_id, workshop_id);
create index prod_notices_item_idx on prod_notices (org_id, item_id);
create index prod_notices_issued_by_idx on prod_notices (org_id, issued_by);
create index prod_notices_created_by_idx on prod_notices (org_id, created_by);

create table prod_transfers (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  notice_id uuid not null,
  item_id uuid not null,
  qty double precision not null check (qty > 0),
  from_workshop_id uuid,
  to_workshop_id uuid,
  transferred_on date not null,
  note text not null default '',
  recorded_by uuid not null,
  recorded_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, notice_id) references prod_notices (org_id, id),
  foreign key (org_id, item_id) references prod_items (org_id, id),
  foreign key (org_id, from_workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, to_workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, recorded_by) references users (org_id, id)
);
create index prod_transfers_notice_idx on prod_transfers (org_id, notice_id);
create index prod_transfers_item_idx on prod_transfers (org_id, item_id);
create index prod_transfers_from_idx on prod_transfers (org_id, from_workshop_id);
create index prod_transfers_to_idx on prod_transfers (org_id, to_workshop_id);
create index prod_transfers_recorded_by_idx on prod_transfers (org_id, recorded_by);
