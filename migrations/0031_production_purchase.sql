-- The purchase plan (PP-15, T4 第二十三、二十四条) and what the warehouse needs around the
-- ledger (PP-16): suppliers on items, safety stock kept apart while it waits for approval,
-- purchase plans whose approved lines are the open purchase orders, and receipts against them.

-- Orders are grouped per supplier; an item is bought from one supplier (empty: not yet chosen).
alter table prod_items add column supplier text not null default '';
create index prod_items_supplier_idx on prod_items (org_id, supplier);

-- T4 第二十四条: a changed safety stock waits for the approver named by the policy. The value
-- in force (safety_stock, what MRP and the purchase plan read) changes only on approval.
alter table prod_stock add column safety_pending double precision check (safety_pending is null or safety_pending >= 0);
alter table prod_stock add column safety_requested_by uuid;
alter table prod_stock add column safety_requested_at timestamptz;
alter table prod_stock add constraint prod_stock_requested_by_fk foreign key (org_id, safety_requested_by) references users (org_id, id);
create index prod_stock_requested_by_idx on prod_stock (org_id, safety_requested_by);
-- A value never approved was pending all along: it is kept as the pending value, and the
-- value in force is none until the approver agrees.
update prod_stock set safety_pending = safety_stock, safety_requested_at = updated_at, safety_stock = 0
where safety_approved_at is null and safety_stock > 0;

create table prod_purchase_plans (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  -- The approval document (CGJH-<year>-<n>), approved level by level.
  document_id uuid not null,
  -- The issued production plan whose MRP purchase rows it orders.
  source_plan_id uuid not null,
  title text not null,
  order_period text not null check (order_period in ('day', 'week', 'month')),
  lot_policy text not null check (lot_policy in ('max_min', 'lot_for_lot')),
  compiled_at timestamptz not null,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, document_id),
  foreign key (org_id, document_id) references documents (org_id, id),
  foreign key (org_id, source_plan_id) references prod_plans (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index prod_purchase_plans_source_idx on prod_purchase_plans (org_id, source_plan_id);
create index prod_purchase_plans_created_by_idx on prod_purchase_plans (org_id, created_by);

-- Per material, the netting as it stood when the plan was compiled.
create table prod_purchase_plan_items (
  org_id uuid not null,
  purchase_plan_id uuid not null,
  item_id uuid not null,
  supplier text not null default '',
  gross double precision not null,
  on_hand double precision not null,
  open_orders double precision not null,
  safety double precision not null,
  min_qty double precision,
  max_qty double precision,
  net double precision not null,
  planned double precision not null,
  primary key (org_id, purchase_plan_id, item_id),
  foreign key (org_id, purchase_plan_id) references prod_purchase_plans (org_id, id) on delete cascade,
  foreign key (org_id, item_id) references prod_items (org_id, id)
);
create index prod_purchase_plan_items_item_idx on prod_purchase_plan_items (org_id, item_id);

-- One order line per supplier, material and order period; approved, it is an open purchase order.
create table prod_purchase_lines (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  purchase_plan_id uuid not null,
  item_id uuid not null,
  supplier text not null default '',
  period_start date not null,
  need_on date not null,
  release_on date not null,
  gross double precision not null,
  net double precision not null,
  qty double precision not null check (qty > 0),
  is_past_due boolean not null default false,
  primary key (org_id, id),
  unique (org_id, purchase_plan_id, item_id, period_start),
  foreign key (org_id, purchase_plan_id) references prod_purchase_plans (org_id, id) on delete cascade,
  foreign key (org_id, item_id) references prod_items (org_id, id)
);
create index prod_purchase_lines_item_idx on prod_purchase_lines (org_id, item_id);

-- A purchase receipt's supplier, and the plan it was received against (if any).
create table prod_purchase_receipts (
  org_id uuid not null,
  doc_id uuid not null,
  supplier text not null default '',
  purchase_plan_id uuid,
  primary key (org_id, doc_id),
  foreign key (org_id, doc_id) references prod_stock_docs (org_id, id),
  foreign key (org_id, purchase_plan_id) references prod_purchase_plans (org_id, id)
);
create index prod_purchase_receipts_plan_idx on prod_purchase_receipts (org_id, purchase_plan_id);
create index prod_purchase_receipts_supplier_idx on prod_purchase_receipts (org_id, supplier);

-- Which order line each receipt line fills: received = the sum of these moves, unless reversed.
create table prod_purchase_receipt_lines (
  org_id uuid not null,
  doc_id uuid not null,
  line_no integer not null,
  purchase_line_id uuid not null,
  primary key (org_id, doc_id, line_no),
  foreign key (org_id, doc_id, line_no) references prod_stock_moves (org_id, doc_id, line_no),
  foreign key (org_id, purchase_line_id) references prod_purchase_lines (org_id, id)
);
create index prod_purchase_receipt_lines_line_idx on prod_purchase_receipt_lines (org_id, purchase_line_id);
