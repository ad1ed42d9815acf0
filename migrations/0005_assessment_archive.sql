-- Assessment events (CORE-8), archives (CORE-9), Excel import records (CORE-11).

-- A falsification doubles the amount once; the first amount stays on the row.
alter table findings add column is_falsified boolean not null default false;
alter table findings add column original_amount numeric(12, 2);
alter table findings add column updated_at timestamptz;
create index findings_department_idx on findings (org_id, subject_department_id);
create index findings_state_idx on findings (org_id, state, created_at desc);

-- Every step of a finding's life: who, when, why, and what the amount became.
create table finding_events (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  -- Events of one transaction share now(); seq keeps their order.
  seq bigint generated always as identity,
  finding_id uuid not null,
  action text not null check (action in ('create', 'dispute', 'confirm', 'withdraw', 'falsified')),
  from_state text,
  to_state text not null,
  actor_id uuid,
  actor_name text not null,
  reason text,
  amount_before numeric(12, 2),
  amount_after numeric(12, 2),
  at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, finding_id) references findings (org_id, id) on delete cascade
);
create index finding_events_finding_idx on finding_events (org_id, finding_id, seq);

-- Files attached to any record; soft-deleted so nothing is ever lost.
create table attachments (
  org_id uuid not null references organisations (id),
  id uuid not null,
  entity text,
  entity_id text,
  owner_user_id uuid,
  category text not null,
  title text not null,
  file_name text not null,
  mime text not null,
  size_bytes bigint not null check (size_bytes >= 0),
  sha256 text not null,
  storage_key text not null,
  uploaded_by uuid not null,
  uploaded_at timestamptz not null,
  deleted_at timestamptz,
  deleted_by uuid,
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, owner_user_id) references users (org_id, id),
  foreign key (org_id, uploaded_by) references users (org_id, id),
  foreign key (org_id, deleted_by) references users (org_id, id)
);
create index attachments_entity_idx on attachments (org_id, entity, entity_id);
create index attachments_owner_idx on attachments (org_id, owner_user_id);
create index attachments_uploader_idx on attachments (org_id, uploaded_by);
create index attachments_deleted_by_idx on attachments (org_id, deleted_by);
create index attachments_uploaded_at_idx on attachments (org_id, uploaded_at desc);

-- One row per import attempt, refused ones included, so an admin can see what was tried.
create table import_jobs (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  table_name text not null,
  file_name text not null,
  status text not null check (status in ('succeeded', 'failed')),
  inserted integer not null default 0,
  updated integer not null default 0,
  errors jsonb not null default '[]',
  created_by uuid not null,
  created_at timestamptz not null,
  -- No user reference: the CLI imports as the system actor.
  primary key (org_id, id)
);
create index import_jobs_table_idx on import_jobs (org_id, table_name, created_at desc);
