-- Teacher development (ST-9 … ST-17): evaluation, term-end honours and summary,
-- backbone tracks, mentor pairs, the "four ones", assignments and semester activities.

-- ST-9: one round of multi-source evaluation; students and parents answer through
-- anonymous links signed with the round's secret.
create table training_evaluation_rounds (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  school_year text not null,
  term integer not null check (term in (1, 2)),
  title text not null,
  opens_on date not null,
  closes_on date not null,
  link_secret text not null,
  created_by uuid,
  created_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, school_year, term),
  check (closes_on >= opens_on)
);
-- Anonymous links carry only the round's id: it is found without knowing the school.
create index training_evaluation_rounds_id_idx on training_evaluation_rounds (id);

create table training_evaluations (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  round_id uuid not null,
  teacher_id uuid not null,
  source text not null check (source in ('self', 'peers', 'administrators', 'students', 'parents')),
  -- the signed-in evaluator; for anonymous answers a hash of the browser, so one browser answers once
  evaluator_key text not null,
  scores jsonb not null,
  score numeric(5, 2) not null,
  comment text,
  created_at timestamptz not null,
  primary key (org_id, id),
  unique (org_id, round_id, teacher_id, source, evaluator_key),
  foreign key (org_id, round_id) references training_evaluation_rounds (org_id, id),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id)
);
create index training_evaluations_teacher_idx on training_evaluations (org_id, teacher_id);

-- ST-10, ST-11: commendations, public criticism, advanced individuals and groups of a term.
create table training_term_honours (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  school_year text not null,
  term integer not null check (term in (1, 2)),
  kind text not null check (kind in ('commendation', 'criticism', 'advanced_individual', 'advanced_group')),
  teacher_id uuid,
  group_id uuid,
  reasons jsonb not null default '[]',
  state text not null default 'proposed' check (state in ('proposed', 'confirmed', 'dropped')),
  decided_by uuid,
  decided_at timestamptz,
  finding_id uuid,
  created_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id),
  foreign key (org_id, group_id) references departments (org_id, id),
  foreign key (org_id, finding_id) references findings (org_id, id),
  check ((teacher_id is null) <> (group_id is null))
);
create unique index training_term_honours_teacher_once on training_term_honours (org_id, school_year, term, kind, teacher_id) where teacher_id is not null;
create unique index training_term_honours_group_once on training_term_honours (org_id, school_year, term, kind, group_id) where group_id is not null;
create index training_term_honours_teacher_idx on training_term_honours (org_id, teacher_id);
create index training_term_honours_group_idx on training_term_honours (org_id, group_id);
create index training_term_honours_finding_idx on training_term_honours (org_id, finding_id);

-- ST-17: achievements, problems and improvements of a term.
create table training_term_summaries (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  school_year text not null,
  term integer not null check (term in (1, 2)),
  achievements text not null default '',
  problems text not null default '',
  improvements text not null default '',
  figures jsonb not null default '{}',
  updated_by uuid,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, school_year, term)
);

-- ST-12: the district backbone track, theory and practice hours with their records.
create table training_backbone_hours (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  teacher_id uuid not null,
  kind text not null check (kind in ('theory', 'practice')),
  hours numeric(6, 2) not null check (hours > 0),
  occurred_on date not null,
  title text not null,
  note text,
  created_by uuid,
  created_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id)
);
create index training_backbone_hours_teacher_idx on training_backbone_hours (org_id, teacher_id);

-- ST-13: 老带新 pairs with goals, and the supervision records of each pair.
create table training_mentor_pairs (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  mentor_id uuid not null,
  mentee_id uuid not null,
  school_year text not null,
  goals text not null,
  state text not null default 'active' check (state in ('active', 'completed', 'ended')),
  review text,
  created_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, mentor_id, mentee_id, school_year),
  foreign key (org_id, mentor_id) references training_teachers (org_id, id),
  foreign key (org_id, mentee_id) references training_teachers (org_id, id),
  check (mentor_id <> mentee_id)
);
create index training_mentor_pairs_mentor_idx on training_mentor_pairs (org_id, mentor_id);
create index training_mentor_pairs_mentee_idx on training_mentor_pairs (org_id, mentee_id);

create table training_mentor_records (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  pair_id uuid not null,
  kind text not null check (kind in ('guidance', 'observation', 'demo_lesson', 'review')),
  occurred_on date not null,
  content text not null,
  created_by uuid,
  created_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, pair_id) references training_mentor_pairs (org_id, id)
);
create index training_mentor_records_pair_idx on training_mentor_records (org_id, pair_id);

-- ST-14: read a book, teach a demo lesson, evaluate a lesson, write a narrative.
create table training_four_ones (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  teacher_id uuid not null,
  school_year text not null,
  item text not null check (item in ('book', 'demo_lesson', 'lesson_evaluation', 'narrative')),
  title text not null,
  completed_on date not null,
  note text,
  created_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id)
);
create index training_four_ones_teacher_idx on training_four_ones (org_id, teacher_id, school_year);

-- ST-15: assignments handed out and the teachers' submissions with their review.
create table training_assignments (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  school_year text not null,
  term integer not null check (term in (1, 2)),
  kind text not null check (kind in ('paper', 'lesson_design', 'study_notes', 'case', 'reflection')),
  title text not null,
  description text not null default '',
  due_on date not null,
  group_id uuid,
  session_id uuid,
  created_by uuid,
  created_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, group_id) references departments (org_id, id),
  foreign key (org_id, session_id) references training_sessions (org_id, id)
);
create index training_assignments_group_idx on training_assignments (org_id, group_id);
create index training_assignments_session_idx on training_assignments (org_id, session_id);
create index training_assignments_term_idx on training_assignments (org_id, school_year, term);

create table training_submissions (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  assignment_id uuid not null,
  teacher_id uuid not null,
  content text not null,
  attachment_ids uuid[] not null default '{}',
  submitted_at timestamptz not null,
  is_late boolean not null,
  review_state text not null default 'submitted' check (review_state in ('submitted', 'accepted', 'returned')),
  review_comment text,
  reviewed_by uuid,
  reviewed_by_name text,
  reviewed_at timestamptz,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, assignment_id, teacher_id),
  foreign key (org_id, assignment_id) references training_assignments (org_id, id),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id)
);
create index training_submissions_teacher_idx on training_submissions (org_id, teacher_id);

-- ST-16: experience exchange, case analysis, lesson design and observation, each semester.
create table training_activities (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  school_year text not null,
  term integer not null check (term in (1, 2)),
  kind text not null check (kind in ('experience_exchange', 'case_analysis', 'lesson_design', 'observation')),
  title text not null,
  held_on date not null,
  group_id uuid,
  session_id uuid,
  description text not null default '',
  outcome text,
  created_by uuid,
  created_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, group_id) references departments (org_id, id),
  foreign key (org_id, session_id) references training_sessions (org_id, id)
);
create index training_activities_group_idx on training_activities (org_id, group_id);
create index training_activities_session_idx on training_activities (org_id, session_id);
create index training_activities_term_idx on training_activities (org_id, school_year, term);
