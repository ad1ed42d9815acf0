-- The warehouse ledger (PP-16, T4 第二十五条): every receipt, issue, transfer and count is a
-- numbered document whose lines post signed moves into an append-only ledger; the balance
-- per item, location and lot is kept in the same transaction. The editable on-hand number of
-- prod_stock becomes each plant's opening balance (期初) and leaves the table.

create table prod_locations (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  code text not null,
  name text not null,
  -- raw / packaging materials, semi-finished (base wine), finished goods, work in progress.
  kind text not null default 'general' check (kind in ('general', 'raw', 'semi', 'finished', 'wip')),
  is_active boolean not null default true,
  sort integer not null default 0,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, code)
);

create table prod_stock_docs (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  number text not null,
  kind text not null check (kind in ('opening', 'receipt', 'issue', 'transfer', 'count', 'reversal')),
  -- Why stock moved: purchase receipt, production 进仓, return, requisition issue, shipment …
  purpose text not null check (purpose in ('opening', 'purchase', 'production', 'return', 'requisition', 'shipment', 'transfer', 'count', 'reversal', 'other')),
  -- The business day in the organisation's time zone.
  doc_date date not null,
  workshop_id uuid,
  -- The record it comes from: a requisition, a daily report, a purchase plan line …
  reference_type text,
  reference_id uuid,
  reference_number text,
  note text not null default '',
  reverses_id uuid,
  reversed_by_id uuid,
  -- null: posted by the system (migration, scheduler).
  posted_by uuid,
  posted_at timestamptz not null default now(),
  -- Posting order, for the stock card when two documents share a timestamp.
  seq bigint generated always as identity,
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, reverses_id) references prod_stock_docs (org_id, id),
  foreign key (org_id, reversed_by_id) references prod_stock_docs (org_id, id),
  foreign key (org_id, posted_by) references users (org_id, id),
  check ((kind = 'reversal') = (reverses_id is not null)),
  -- A document is reversed once; a reversal is never reversed.
  check (reversed_by_id is null or kind <> 'reversal')
);
create index prod_stock_docs_date_idx on prod_stock_docs (org_id, doc_date);
create index prod_stock_docs_reference_idx on prod_stock_docs (org_id, reference_type, reference_id);
create index prod_stock_docs_workshop_idx on prod_stock_docs (org_id, workshop_id);
create index prod_stock_docs_posted_by_idx on prod_stock_docs (org_id, posted_by);
create unique index prod_stock_docs_reverses_idx on prod_stock_docs (org_id, reverses_id) where reverses_id is not null;

-- Append-only: a wrong document is reversed by another, never edited or deleted.
create table prod_stock_moves (
  org_id uuid not null,
  doc_id uuid not null,
  line_no integer not null check (line_no > 0),
  item_id uuid not null,
  location_id uuid not null,
  lot text not null default '',
  -- Signed: + into the location, − out of it; 0 for a count that matched (the count is still on record).
  qty double precision not null,
  -- Asked but not on hand, when the policy records shortages instead of refusing (欠料).
  shortage double precision not null default 0 check (shortage >= 0),
  -- The balance of this item, location and lot once the move posted: the stock card reads it.
  balance_after double precision not null,
  doc_date date not null,
  primary key (org_id, doc_id, line_no),
  foreign key (org_id, doc_id) references prod_stock_docs (org_id, id),
  foreign key (org_id, item_id) references prod_items (org_id, id),
  foreign key (org_id, location_id) references prod_locations (org_id, id)
);
create index prod_stock_moves_item_idx on prod_stock_moves (org_id, item_id, doc_date);
create index prod_stock_moves_location_idx on prod_stock_moves (org_id, location_id);

create function prod_stock_moves_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'prod_stock_moves is append-only: reverse the document instead';
end $$;
create trigger prod_stock_moves_no_change before update or delete on prod_stock_moves
  for each row execute function prod_stock_moves_append_only();

-- The sum of the moves per item, location and lot, kept by the posting transaction.
create table prod_stock_balances (
  org_id uuid not null,
  item_id uuid not null,
  location_id uuid not null,
  lot text not null default '',
  on_hand double precision not null default 0 check (on_hand >= -0.000001),
  updated_at timestamptz not null default now(),
  primary key (org_id, item_id, location_id, lot),
  foreign key (org_id, item_id) references prod_items (org_id, id),
  foreign key (org_id, location_id) references prod_locations (org_id, id)
);
create index prod_stock_balances_location_idx on prod_stock_balances (org_id, location_id);

-- Every plant with items gets a main warehouse; today's on-hand numbers become one opening
-- document per plant (QC-<year>-0001) posted by the system.
insert into prod_locations (org_id, code, name, kind)
select distinct org_id, 'MAIN', '主仓库', 'general' from prod_items;

insert into prod_counters (org_id, prefix, year, last_number)
select distinct s.org_id, 'QC', extract(year from now())::integer, 1
from prod_stock s where s.on_hand > 0
on conflict (org_id, prefix, year) do update set last_number = prod_counters.last_number + 1;

insert into prod_stock_docs (org_id, number, kind, purpose, doc_date, note)
select c.org_id, 'QC-' || c.year || '-' || lpad(c.last_number::text, 4, '0'), 'opening', 'opening', current_date, '由原“现有库存”数转入的期初余额'
from prod_counters c
where c.prefix = 'QC' and c.year = extract(year from now())::integer
  and exists (select 1 from prod_stock s where s.org_id = c.org_id and s.on_hand > 0);

insert into prod_stock_moves (org_id, doc_id, line_no, item_id, location_id, qty, balance_after, doc_date)
select s.org_id, d.id, row_number() over (partition by s.org_id order by i.code), s.item_id, l.id, s.on_hand, s.on_hand, d.doc_date
from prod_stock s
join prod_items i on i.org_id = s.org_id and i.id = s.item_id
join prod_locations l on l.org_id = s.org_id and l.code = 'MAIN'
join prod_stock_docs d on d.org_id = s.org_id and d.kind = 'opening'
where s.on_hand > 0;

insert into prod_stock_balances (org_id, item_id, location_id, on_hand)
select org_id, item_id, location_id, sum(qty) from prod_stock_moves group by org_id, item_id, location_id;

alter table prod_stock drop column on_hand;
