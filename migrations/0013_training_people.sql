-- School-based training (ST-1, ST-12): the teacher register and the training plans.
-- Every table carries org_id first in its primary key; references include org_id.

create table training_teachers (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  staff_no text not null,
  name text not null,
  user_id uuid,
  group_id uuid,
  subject text,
  grades text,
  title text,
  stage text not null default 'competent' check (stage in ('novice', 'competent', 'backbone', 'renowned', 'expert')),
  backbone_level text check (backbone_level in ('provincial', 'city', 'district')),
  leadership_role text check (leadership_role in ('head', 'deputy', 'member')),
  phone text,
  joined_on date,
  is_active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, staff_no),
  foreign key (org_id, user_id) references users (org_id, id),
  foreign key (org_id, group_id) references departments (org_id, id)
);
create unique index training_teachers_user_once on training_teachers (org_id, user_id) where user_id is not null;
create index training_teachers_group_idx on training_teachers (org_id, group_id);

-- A plan is a versioned document of the approval engine (doc_type training.plan):
-- the plan's id is its document's id, so the document link opens the plan page.
create table training_plans (
  org_id uuid not null,
  id uuid not null,
  kind text not null check (kind in ('annual', 'semester')),
  school_year text not null,
  term integer check (term in (1, 2)),
  starts_on date not null,
  ends_on date not null,
  goals text not null default '',
  items jsonb not null default '[]',
  owner_user_id uuid not null,
  sessions_generated_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, id) references documents (org_id, id),
  foreign key (org_id, owner_user_id) references users (org_id, id),
  check (ends_on >= starts_on),
  check ((kind = 'annual' and term is null) or (kind = 'semester' and term is not null))
);
create index training_plans_owner_idx on training_plans (org_id, owner_user_id);
create index training_plans_year_idx on training_plans (org_id, school_year);
