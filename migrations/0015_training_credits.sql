-- Credits, self-study and the yearly assessment (ST-5, ST-6, ST-7).

-- External training (national, upper-level, distance, degree) counts once recognised (S4).
create table training_credit_claims (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  teacher_id uuid not null,
  school_year text not null,
  kind text not null check (kind in ('national', 'provincial', 'city', 'district', 'distance', 'degree', 'other')),
  title text not null,
  organiser text,
  category text not null,
  hours numeric(7, 2) not null check (hours > 0),
  started_on date not null,
  ended_on date not null,
  certificate_no text,
  attachment_ids uuid[] not null default '{}',
  state text not null default 'pending' check (state in ('pending', 'recognised', 'rejected', 'withdrawn')),
  recognised_hours numeric(7, 2),
  decided_at timestamptz,
  decided_by uuid,
  decided_by_name text,
  opinion text,
  created_by uuid not null,
  created_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id),
  check (ended_on >= started_on)
);
create index training_credit_claims_teacher_idx on training_credit_claims (org_id, teacher_id, school_year);
create index training_credit_claims_state_idx on training_credit_claims (org_id, state);

-- Study notes, the 《校本培训记录册》 and the weekly self-study excerpts (ST-5).
create table training_study_notes (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  teacher_id uuid not null,
  kind text not null check (kind in ('article_excerpt', 'information_excerpt', 'study_note', 'record_book', 'reflection', 'observation')),
  week_start date not null,
  title text not null,
  source text,
  content text not null,
  session_id uuid,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id),
  foreign key (org_id, session_id) references training_sessions (org_id, id)
);
create index training_study_notes_teacher_idx on training_study_notes (org_id, teacher_id, week_start);
create index training_study_notes_session_idx on training_study_notes (org_id, session_id);

-- The yearly verdict per teacher (ST-7): computed from the records, reviewed and confirmed by the office.
create table training_assessments (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  teacher_id uuid not null,
  school_year text not null,
  verdict text not null check (verdict in ('qualified', 'unqualified')),
  reasons jsonb not null default '[]',
  credits numeric(8, 2) not null,
  required_credits numeric(8, 2) not null,
  unexcused_absences integer not null,
  state text not null default 'computed' check (state in ('computed', 'confirmed')),
  computed_at timestamptz not null,
  confirmed_at timestamptz,
  confirmed_by uuid,
  confirmed_by_name text,
  opinion text,
  finding_id uuid,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, teacher_id, school_year),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id),
  foreign key (org_id, finding_id) references findings (org_id, id)
);
create index training_assessments_finding_idx on training_assessments (org_id, finding_id);
create index training_assessments_year_idx on training_assessments (org_id, school_year);

-- Reminders already sent (gentle, once per subject and period), so a job tick never repeats one.
create table training_reminders (
  org_id uuid not null references organisations (id),
  kind text not null,
  subject_id uuid not null,
  period text not null,
  sent_at timestamptz not null,
  primary key (org_id, kind, subject_id, period)
);
