-- Documents, approval chains, revisions, distribution (CORE-3, CORE-4, CORE-5).

create table approval_chains (
  org_id uuid not null references organisations (id),
  doc_type text not null,
  -- Ordered steps: [{ key, nameZh, nameEn, roleCode }]
  steps jsonb not null,
  allow_self_approval boolean not null default false,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (org_id, doc_type),
  foreign key (org_id, updated_by) references users (org_id, id)
);
create index approval_chains_updated_by_idx on approval_chains (org_id, updated_by);

-- Human-readable numbers (WJ-2026-0001) come from one counter row per prefix and year,
-- bumped atomically, so two concurrent drafts never get the same number.
create table document_counters (
  org_id uuid not null references organisations (id),
  prefix text not null,
  year integer not null,
  last_number integer not null,
  primary key (org_id, prefix, year)
);

create table documents (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  doc_type text not null,
  number text not null,
  title text not null,
  body jsonb not null default '{}',
  -- The revision being worked on, and the last approved one (in force until replaced).
  revision integer not null default 1,
  effective_revision integer,
  state text not null default 'draft' check (state in ('draft', 'submitted', 'approved', 'rejected', 'issued', 'closed')),
  -- The chain as it was at submission, so an edit of the chain never moves a document mid-way.
  chain_steps jsonb,
  allow_self_approval boolean not null default false,
  step_index integer,
  waiting_role text,
  created_by uuid not null,
  department_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, created_by) references users (org_id, id),
  foreign key (org_id, department_id) references departments (org_id, id)
);
create index documents_created_by_idx on documents (org_id, created_by);
create index documents_department_idx on documents (org_id, department_id);
create index documents_type_idx on documents (org_id, doc_type, state);
create index documents_waiting_idx on documents (org_id, state, waiting_role);

create table document_revisions (
  org_id uuid not null,
  document_id uuid not null,
  revision integer not null,
  title text not null,
  body jsonb not null,
  state text not null,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  approved_at timestamptz,
  superseded_at timestamptz,
  primary key (org_id, document_id, revision),
  foreign key (org_id, document_id) references documents (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index document_revisions_created_by_idx on document_revisions (org_id, created_by);

create table approval_actions (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  document_id uuid not null,
  -- The document's version after the action: orders the timeline even within one instant.
  seq integer not null,
  revision integer not null,
  action text not null,
  from_state text not null,
  to_state text not null,
  step_index integer,
  step_key text,
  step_name_zh text,
  step_name_en text,
  actor_id uuid not null,
  actor_name text not null,
  opinion text,
  at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, document_id) references documents (org_id, id),
  foreign key (org_id, actor_id) references users (org_id, id)
);
create unique index approval_actions_document_idx on approval_actions (org_id, document_id, seq);
create index approval_actions_actor_idx on approval_actions (org_id, actor_id);

-- One receipt per department (or named person) per issued revision.
create table document_receipts (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  document_id uuid not null,
  revision integer not null,
  department_id uuid,
  user_id uuid,
  issued_by uuid not null,
  issued_at timestamptz not null,
  acknowledged_by uuid,
  acknowledged_at timestamptz,
  primary key (org_id, id),
  check ((department_id is null) <> (user_id is null)),
  foreign key (org_id, document_id) references documents (org_id, id),
  foreign key (org_id, department_id) references departments (org_id, id),
  foreign key (org_id, user_id) references users (org_id, id),
  foreign key (org_id, issued_by) references users (org_id, id),
  foreign key (org_id, acknowledged_by) references users (org_id, id)
);
create index document_receipts_document_idx on document_receipts (org_id, document_id, revision);
create index document_receipts_department_idx on document_receipts (org_id, department_id);
create index document_receipts_user_idx on document_receipts (org_id, user_id);
create index document_receipts_issued_by_idx on document_receipts (org_id, issued_by);
create index document_receipts_acknowledged_by_idx on document_receipts (org_id, acknowledged_by);
create unique index document_receipts_department_once on document_receipts (org_id, document_id, revision, department_id)
  where department_id is not null;
create unique index document_receipts_user_once on document_receipts (org_id, document_id, revision, user_id)
  where user_id is not null;
