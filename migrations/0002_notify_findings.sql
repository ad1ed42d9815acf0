-- In-app notifications and assessment findings (CORE-6, CORE-8).

create table notifications (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  kind text not null,
  title_zh text not null,
  title_en text not null,
  body_zh text,
  body_en text,
  link text,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  primary key (org_id, id),
  foreign key (org_id, user_id) references users (org_id, id) on delete cascade
);
create index notifications_user_idx on notifications (org_id, user_id, read_at, created_at desc);

create table findings (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  rule_code text not null,
  clause text not null,
  requirement_id text,
  subject_user_id uuid,
  subject_department_id uuid,
  subject_label text not null,
  period text,
  verdict text not null,
  amount numeric(12, 2),
  summary_zh text not null,
  summary_en text not null,
  evidence jsonb not null default '[]',
  state text not null default 'open' check (state in ('open', 'disputed', 'confirmed', 'withdrawn')),
  dedupe_key text,
  created_at timestamptz not null default now(),
  created_by uuid,
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, subject_user_id) references users (org_id, id),
  foreign key (org_id, subject_department_id) references departments (org_id, id)
);
create index findings_subject_idx on findings (org_id, subject_user_id);
create index findings_rule_idx on findings (org_id, rule_code, period);
-- A rule that runs twice over the same records finds the same thing once.
create unique index findings_dedupe_idx on findings (org_id, dedupe_key) where dedupe_key is not null;
