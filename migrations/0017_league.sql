-- Youth League committee work (S5): member register, term plan by month, flag-raising
-- themes, blackboard checks (YL-1, YL-2, YL-3).

-- 团支部: one per class.
create table league_branches (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  name text not null,
  grade integer not null check (grade between 1 and 12),
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, name)
);

-- YL-1: members and preparatory members, with the date of each step and the transfer out.
create table league_members (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  branch_id uuid not null,
  student_no text not null,
  name text not null,
  gender text check (gender in ('male', 'female')),
  status text not null check (status in ('preparatory', 'member', 'transferred_out')),
  preparatory_since date,
  joined_on date,
  transferred_out_on date,
  transfer_to text,
  note text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, student_no),
  foreign key (org_id, branch_id) references league_branches (org_id, id)
);
create index league_members_branch_idx on league_members (org_id, branch_id);

-- 团员注册: one registration per member and term ("团员人人有档案").
create table league_registrations (
  org_id uuid not null,
  member_id uuid not null,
  term_code text not null,
  registered_on date not null,
  registered_by uuid,
  primary key (org_id, member_id, term_code),
  foreign key (org_id, member_id) references league_members (org_id, id)
);

-- YL-2: the term plan and its activities month by month, each month with its theme.
create table league_plans (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  school_year text not null,
  term integer not null check (term in (1, 2)),
  title text not null,
  guiding text not null default '',
  goals text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, school_year, term)
);

create table league_plan_items (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  month integer not null check (month between 1 and 12),
  theme text,
  title text not null,
  state text not null default 'planned' check (state in ('planned', 'done', 'dropped')),
  done_on date,
  note text,
  sort integer not null default 0,
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, plan_id) references league_plans (org_id, id)
);
create index league_plan_items_plan_idx on league_plan_items (org_id, plan_id);

-- YL-3: every Monday's flag-raising carries the week's focus, class-meeting and blackboard themes.
create table league_flag_raisings (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  week_start date not null,
  theme text not null,
  focus text,
  class_meeting_theme text,
  blackboard_theme text,
  speaker text,
  held_on date,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, week_start)
);

-- YL-3: a blackboard check every two weeks with a fixed theme, a check day and published criteria.
create table league_blackboard_checks (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  theme text not null,
  check_on date not null,
  criteria jsonb not null,
  published_at timestamptz,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, check_on)
);

create table league_blackboard_scores (
  org_id uuid not null,
  check_id uuid not null,
  branch_id uuid not null,
  scores jsonb not null,
  total numeric(6, 2) not null,
  comment text,
  checked_by uuid,
  checked_at timestamptz not null,
  primary key (org_id, check_id, branch_id),
  foreign key (org_id, check_id) references league_blackboard_checks (org_id, id),
  foreign key (org_id, branch_id) references league_branches (org_id, id)
);
create index league_blackboard_scores_branch_idx on league_blackboard_scores (org_id, branch_id);
