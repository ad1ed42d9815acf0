-- Issue 13 items 14–16: the regulation's remaining pieces of school-based training.

-- Item 14, S2 五.5: 学期末校本培训考核小组对教师进行考核 — one panel verdict per teacher and term,
-- with the term's facts as they stood when the panel decided.
create table training_term_assessments (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  teacher_id uuid not null,
  school_year text not null,
  term integer not null check (term in (1, 2)),
  verdict text not null check (verdict in ('qualified', 'unqualified')),
  facts jsonb not null default '{}'::jsonb,
  opinion text,
  decided_by uuid not null,
  decided_by_name text not null,
  decided_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, teacher_id, school_year, term),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id)
);

-- Item 15, S1 学习制度 1: 年度考核记实手册按月签评 — one sign-off per teacher and month.
create table training_handbook_signoffs (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  teacher_id uuid not null,
  month text not null check (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  rating text not null check (rating in ('good', 'pass', 'improve')),
  comment text not null,
  signed_by uuid not null,
  signed_by_name text not null,
  signed_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, teacher_id, month),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id)
);

-- Item 15, S1 考勤 三: the leadership group inspects each teacher's 《校本培训记录册》.
create table training_record_book_checks (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  teacher_id uuid not null,
  checked_on date not null,
  finding text not null check (finding in ('complete', 'incomplete', 'missing')),
  entries integer not null check (entries >= 0),
  comment text not null default '',
  checked_by uuid not null,
  checked_by_name text not null,
  created_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id)
);
create index training_record_book_checks_teacher_idx on training_record_book_checks (org_id, teacher_id, checked_on);

-- Item 16, S2 六.(二): each teaching group's plan under the school's plan, approved by the office.
create table training_group_plans (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  school_plan_id uuid not null,
  group_id uuid not null,
  title text not null,
  content text not null,
  state text not null default 'draft' check (state in ('draft', 'submitted', 'approved', 'returned')),
  review_comment text,
  written_by uuid not null,
  written_by_name text not null,
  reviewed_by uuid,
  reviewed_by_name text,
  reviewed_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (org_id, id),
  unique (org_id, school_plan_id, group_id),
  foreign key (org_id, school_plan_id) references training_plans (org_id, id),
  foreign key (org_id, group_id) references departments (org_id, id)
);

-- Item 16, S2 六.(五): the training budget (专设培训经费投入项目), planned and spent per item.
create table training_budget_items (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  school_year text not null,
  plan_id uuid,
  title text not null,
  planned_amount numeric(12, 2) not null check (planned_amount >= 0),
  spent_amount numeric(12, 2) not null default 0 check (spent_amount >= 0),
  note text,
  version integer not null default 1,
  created_by uuid not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, plan_id) references training_plans (org_id, id)
);
create index training_budget_items_year_idx on training_budget_items (org_id, school_year);
