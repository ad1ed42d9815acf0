-- Policy versions, holidays, deadlines (CORE-6) and meetings (CORE-7).

-- Each saved policy is a new row; rows are never updated, so history and diffs stay true.
create table policy_versions (
  org_id uuid not null references organisations (id),
  version integer not null check (version > 0),
  preset text not null,
  policy_values jsonb not null,
  reason text not null,
  changed_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, version),
  foreign key (org_id, changed_by) references users (org_id, id)
);
create index policy_versions_changed_by_idx on policy_versions (org_id, changed_by);

-- Public holidays and make-up working days (调休: is_workday = true on a weekend).
create table holidays (
  org_id uuid not null references organisations (id),
  date date not null,
  name text not null,
  is_workday boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (org_id, date)
);

create table deadlines (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  subject_type text not null,
  subject_id text not null,
  title_zh text not null,
  title_en text not null,
  link text,
  owner_user_id uuid not null,
  owner_department_id uuid,
  due_on date not null,
  due_at timestamptz not null,
  remind_at timestamptz,
  escalate_at timestamptz,
  escalate_to uuid[] not null default '{}',
  clause text not null,
  requirement_id text,
  rule_code text not null,
  penalty_amount numeric(12, 2),
  verdict text not null default 'missed-deadline',
  records_finding boolean not null default true,
  state text not null default 'open' check (state in ('open', 'done', 'missed', 'cancelled')),
  reminded_at timestamptz,
  escalated_at timestamptz,
  missed_at timestamptz,
  completed_at timestamptz,
  finding_id uuid,
  created_by uuid,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, owner_user_id) references users (org_id, id),
  foreign key (org_id, owner_department_id) references departments (org_id, id),
  foreign key (org_id, finding_id) references findings (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index deadlines_owner_idx on deadlines (org_id, owner_user_id, state);
create index deadlines_department_idx on deadlines (org_id, owner_department_id);
create index deadlines_finding_idx on deadlines (org_id, finding_id);
create index deadlines_created_by_idx on deadlines (org_id, created_by);
create index deadlines_subject_idx on deadlines (org_id, subject_type, subject_id);
create index deadlines_due_idx on deadlines (org_id, state, due_at);
-- The scheduler's three scans across organisations; partial, so closed rows cost nothing.
create index deadlines_remind_scan_idx on deadlines (remind_at) where state = 'open' and reminded_at is null;
create index deadlines_miss_scan_idx on deadlines (due_at) where state = 'open';
create index deadlines_escalate_scan_idx on deadlines (escalate_at) where state in ('open', 'missed') and escalated_at is null;

create table meeting_series (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  title text not null,
  kind text not null check (kind in ('dispatch', 'study', 'coordination', 'other')),
  -- { kind: 'monthly', day } | { kind: 'weekly', weekdays: [1..7] }
  recurrence jsonb not null,
  start_time text not null,
  duration_minutes integer not null check (duration_minutes > 0),
  location text,
  chair_user_id uuid not null,
  leave_approver_user_id uuid,
  audience text not null default 'listed' check (audience in ('all', 'listed')),
  agenda_template text not null default '',
  on_holiday text not null default 'skip' check (on_holiday in ('skip', 'before', 'after')),
  -- When set, the monthly day follows this policy parameter (production.dispatchMeetingDay).
  policy_day_path text,
  clause text,
  requirement_id text,
  generated_until date,
  is_active boolean not null default true,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, chair_user_id) references users (org_id, id),
  foreign key (org_id, leave_approver_user_id) references users (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index meeting_series_chair_idx on meeting_series (org_id, chair_user_id);
create index meeting_series_approver_idx on meeting_series (org_id, leave_approver_user_id);
create index meeting_series_created_by_idx on meeting_series (org_id, created_by);

create table meeting_series_members (
  org_id uuid not null,
  series_id uuid not null,
  user_id uuid not null,
  primary key (org_id, series_id, user_id),
  foreign key (org_id, series_id) references meeting_series (org_id, id) on delete cascade,
  foreign key (org_id, user_id) references users (org_id, id)
);
create index meeting_series_members_user_idx on meeting_series_members (org_id, user_id);

create table meetings (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  series_id uuid,
  occurs_on date not null,
  title text not null,
  kind text not null check (kind in ('dispatch', 'study', 'coordination', 'other')),
  chair_user_id uuid not null,
  leave_approver_user_id uuid,
  location text,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  agenda text not null default '',
  minutes text not null default '',
  state text not null default 'planned' check (state in ('planned', 'held', 'cancelled')),
  clause text,
  requirement_id text,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  check (ends_at > starts_at),
  -- Regenerating a series never duplicates an occurrence.
  unique (org_id, series_id, occurs_on),
  foreign key (org_id, series_id) references meeting_series (org_id, id),
  foreign key (org_id, chair_user_id) references users (org_id, id),
  foreign key (org_id, leave_approver_user_id) references users (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index meetings_starts_idx on meetings (org_id, starts_at);
create index meetings_series_idx on meetings (org_id, series_id);
create index meetings_chair_idx on meetings (org_id, chair_user_id);
create index meetings_approver_idx on meetings (org_id, leave_approver_user_id);
create index meetings_created_by_idx on meetings (org_id, created_by);

create table meeting_attendees (
  org_id uuid not null,
  meeting_id uuid not null,
  user_id uuid not null,
  status text not null default 'invited' check (status in ('invited', 'present', 'late', 'absent', 'excused')),
  note text,
  recorded_by uuid,
  recorded_at timestamptz,
  version integer not null default 1,
  primary key (org_id, meeting_id, user_id),
  foreign key (org_id, meeting_id) references meetings (org_id, id) on delete cascade,
  foreign key (org_id, user_id) references users (org_id, id),
  foreign key (org_id, recorded_by) references users (org_id, id)
);
create index meeting_attendees_user_idx on meeting_attendees (org_id, user_id);
create index meeting_attendees_recorded_by_idx on meeting_attendees (org_id, recorded_by);

create table meeting_leave_requests (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  meeting_id uuid not null,
  user_id uuid not null,
  reason text not null,
  -- Who attends instead (T4 第五十六条: 准假后指定其他人员准时参加会议).
  substitute_user_id uuid,
  state text not null default 'pending' check (state in ('pending', 'approved', 'rejected')),
  requested_at timestamptz not null,
  decided_by uuid,
  decided_at timestamptz,
  decision_note text,
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, meeting_id, user_id) references meeting_attendees (org_id, meeting_id, user_id) on delete cascade,
  foreign key (org_id, substitute_user_id) references users (org_id, id),
  foreign key (org_id, decided_by) references users (org_id, id)
);
create index meeting_leave_requests_attendee_idx on meeting_leave_requests (org_id, meeting_id, user_id);
create index meeting_leave_requests_substitute_idx on meeting_leave_requests (org_id, substitute_user_id);
create index meeting_leave_requests_decided_by_idx on meeting_leave_requests (org_id, decided_by);
create unique index meeting_leave_requests_pending_idx on meeting_leave_requests (org_id, meeting_id, user_id) where state = 'pending';

create table meeting_decisions (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  meeting_id uuid not null,
  body text not null,
  sort integer not null default 0,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, meeting_id) references meetings (org_id, id) on delete cascade,
  foreign key (org_id, created_by) references users (org_id, id)
);
create index meeting_decisions_meeting_idx on meeting_decisions (org_id, meeting_id);
create index meeting_decisions_created_by_idx on meeting_decisions (org_id, created_by);

create table meeting_actions (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  meeting_id uuid not null,
  decision_id uuid,
  title text not null,
  owner_user_id uuid not null,
  due_on date not null,
  state text not null default 'open' check (state in ('open', 'done', 'cancelled')),
  completed_at timestamptz,
  deadline_id uuid,
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, meeting_id) references meetings (org_id, id) on delete cascade,
  foreign key (org_id, decision_id) references meeting_decisions (org_id, id),
  foreign key (org_id, owner_user_id) references users (org_id, id),
  foreign key (org_id, deadline_id) references deadlines (org_id, id),
  foreign key (org_id, created_by) references users (org_id, id)
);
create index meeting_actions_meeting_idx on meeting_actions (org_id, meeting_id);
create index meeting_actions_decision_idx on meeting_actions (org_id, decision_id);
create index meeting_actions_owner_idx on meeting_actions (org_id, owner_user_id, state);
create index meeting_actions_deadline_idx on meeting_actions (org_id, deadline_id);
create index meeting_actions_created_by_idx on meeting_actions (org_id, created_by);
