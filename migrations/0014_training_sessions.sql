-- Training sessions, sign-in and leave (ST-2, ST-3, ST-4).
-- Actor columns (created_by, requested_by, decided_by, changed_by) may hold the system
-- actor of the scheduler and the seed, which is no row of users: they carry no reference.

create table training_sessions (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  plan_id uuid,
  -- slot code and day for sessions generated from the standing schedule: generating twice adds nothing
  generation_key text,
  slot_code text,
  title text not null,
  topic text,
  category text not null,
  credit_parts jsonb not null default '[]',
  trainer_teacher_id uuid,
  trainer_name text,
  recorder_teacher_id uuid,
  location text,
  session_date date not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  audience text not null check (audience in ('all', 'group')),
  group_id uuid,
  is_centralised boolean not null default true,
  outline text,
  outline_at timestamptz,
  minutes text,
  minutes_at timestamptz,
  state text not null default 'scheduled' check (state in ('scheduled', 'cancelled')),
  cancel_reason text,
  roster_closed_at timestamptz,
  qr_secret text not null,
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, generation_key),
  foreign key (org_id, plan_id) references training_plans (org_id, id),
  foreign key (org_id, trainer_teacher_id) references training_teachers (org_id, id),
  foreign key (org_id, recorder_teacher_id) references training_teachers (org_id, id),
  foreign key (org_id, group_id) references departments (org_id, id),
  check (ends_at > starts_at),
  check (audience = 'all' or group_id is not null)
);
create index training_sessions_plan_idx on training_sessions (org_id, plan_id);
create index training_sessions_trainer_idx on training_sessions (org_id, trainer_teacher_id);
create index training_sessions_recorder_idx on training_sessions (org_id, recorder_teacher_id);
create index training_sessions_group_idx on training_sessions (org_id, group_id);
create index training_sessions_date_idx on training_sessions (org_id, session_date);
-- The scheduler looks for ended sessions whose list is still open, across schools, every tick.
create index training_sessions_open_roster_idx on training_sessions (ends_at) where state = 'scheduled' and roster_closed_at is null;

create table training_leave_requests (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  session_id uuid not null,
  teacher_id uuid not null,
  kind text not null check (kind in ('sick', 'personal', 'official')),
  reason text not null,
  attachment_id uuid,
  state text not null default 'pending' check (state in ('pending', 'approved', 'rejected', 'withdrawn')),
  requested_at timestamptz not null,
  requested_by uuid not null,
  decided_at timestamptz,
  decided_by uuid,
  decided_by_name text,
  opinion text,
  version integer not null default 1,
  primary key (org_id, id),
  foreign key (org_id, session_id) references training_sessions (org_id, id),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id),
  foreign key (org_id, attachment_id) references attachments (org_id, id)
);
-- One open or granted request per teacher and session; a rejected one may be asked again.
create unique index training_leave_once on training_leave_requests (org_id, session_id, teacher_id) where state in ('pending', 'approved');
create index training_leave_session_idx on training_leave_requests (org_id, session_id);
create index training_leave_teacher_idx on training_leave_requests (org_id, teacher_id);
create index training_leave_attachment_idx on training_leave_requests (org_id, attachment_id);
create index training_leave_state_idx on training_leave_requests (org_id, state);

-- One record per teacher and session: scanning twice never makes two (ST-4).
create table training_attendance (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  session_id uuid not null,
  teacher_id uuid not null,
  status text not null check (status in ('on_time', 'late', 'left_early', 'absent', 'excused')),
  late_minutes integer not null default 0,
  left_early_minutes integer not null default 0,
  signed_in_at timestamptz,
  signed_out_at timestamptz,
  source text not null check (source in ('self_qr', 'recorder', 'override', 'leave', 'system')),
  flags text[] not null default '{}',
  device_id text,
  client_ip text,
  leave_id uuid,
  note text,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, session_id, teacher_id),
  foreign key (org_id, session_id) references training_sessions (org_id, id),
  foreign key (org_id, teacher_id) references training_teachers (org_id, id),
  foreign key (org_id, leave_id) references training_leave_requests (org_id, id)
);
create index training_attendance_teacher_idx on training_attendance (org_id, teacher_id);
create index training_attendance_leave_idx on training_attendance (org_id, leave_id);
create index training_attendance_device_idx on training_attendance (org_id, session_id, device_id);

-- Every change of a record keeps its old and new value and the reason (append-only).
create table training_attendance_changes (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  attendance_id uuid not null,
  session_id uuid not null,
  changed_at timestamptz not null,
  changed_by uuid not null,
  changed_by_name text not null,
  reason text not null,
  before jsonb,
  after jsonb not null,
  primary key (org_id, id),
  foreign key (org_id, attendance_id) references training_attendance (org_id, id),
  foreign key (org_id, session_id) references training_sessions (org_id, id)
);
create index training_attendance_changes_attendance_idx on training_attendance_changes (org_id, attendance_id);
create index training_attendance_changes_session_idx on training_attendance_changes (org_id, session_id);
