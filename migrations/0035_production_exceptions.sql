-- Production exceptions (生产异常, PP-19, T4 第三十二、三十五、五十四、五十五条, T2 六.1.4)):
-- what a workshop reports, the impact the rule judged, the coordination meeting it called,
-- the escalation to the vice GM, and how the loop closed.

create table prod_exceptions (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  number text not null,
  kind text not null check (kind in ('material', 'equipment', 'outage', 'quality', 'process', 'other')),
  workshop_id uuid not null,
  description text not null,
  -- Equipment failures name the machine as free text until the equipment register links it.
  machine_ref text not null default '',
  started_at timestamptz not null,
  -- The local day it started, for the month filter.
  started_on date not null,
  hours_lost double precision not null default 0 check (hours_lost >= 0),
  hours_estimated double precision not null default 0 check (hours_estimated >= 0),
  -- The plan lines named in the impact with the rule's verdict on each (a snapshot).
  impact_lines jsonb not null default '[]',
  affects_other_workshops boolean not null default false,
  affects_schedule boolean not null default false,
  needs_coordination boolean not null default false,
  judgement jsonb not null default '{}',
  state text not null default 'reported' check (state in ('reported', 'coordinating', 'resolved', 'closed')),
  reported_by uuid not null,
  reported_at timestamptz not null,
  meeting_id uuid,
  coordinated_by uuid,
  coordinated_at timestamptz,
  escalated_by uuid,
  escalated_at timestamptz,
  escalation_note text,
  resolved_by uuid,
  resolved_at timestamptz,
  resolution text,
  closed_by uuid,
  closed_at timestamptz,
  close_note text,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, number),
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id),
  foreign key (org_id, reported_by) references users (org_id, id),
  foreign key (org_id, meeting_id) references meetings (org_id, id),
  foreign key (org_id, coordinated_by) references users (org_id, id),
  foreign key (org_id, escalated_by) references users (org_id, id),
  foreign key (org_id, resolved_by) references users (org_id, id),
  foreign key (org_id, closed_by) references users (org_id, id),
  check (state <> 'coordinating' or meeting_id is not null)
);
create index prod_exceptions_workshop_idx on prod_exceptions (org_id, workshop_id, started_on);
create index prod_exceptions_state_idx on prod_exceptions (org_id, state);
create index prod_exceptions_started_idx on prod_exceptions (org_id, started_on);
create index prod_exceptions_reported_by_idx on prod_exceptions (org_id, reported_by);
create index prod_exceptions_meeting_idx on prod_exceptions (org_id, meeting_id);
create index prod_exceptions_coordinated_by_idx on prod_exceptions (org_id, coordinated_by);
create index prod_exceptions_escalated_by_idx on prod_exceptions (org_id, escalated_by);
create index prod_exceptions_resolved_by_idx on prod_exceptions (org_id, resolved_by);
create index prod_exceptions_closed_by_idx on prod_exceptions (org_id, closed_by);

-- The other workshops the reporter says it hits (T4 第三十五条 影响到其它车间生产).
create table prod_exception_workshops (
  org_id uuid not null,
  exception_id uuid not null,
  workshop_id uuid not null,
  primary key (org_id, exception_id, workshop_id),
  foreign key (org_id, exception_id) references prod_exceptions (org_id, id) on delete cascade,
  foreign key (org_id, workshop_id) references prod_workshops (org_id, id)
);
create index prod_exception_workshops_workshop_idx on prod_exception_workshops (org_id, workshop_id);

-- The timeline: who did what and when (reported, escalated, meeting called, resolved, closed).
create table prod_exception_events (
  org_id uuid not null,
  id uuid not null default gen_random_uuid(),
  exception_id uuid not null,
  kind text not null check (kind in ('reported', 'escalated', 'meeting', 'action_done', 'resolved', 'closed')),
  note text not null default '',
  actor_id uuid,
  at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, exception_id) references prod_exceptions (org_id, id) on delete cascade,
  foreign key (org_id, actor_id) references users (org_id, id)
);
create index prod_exception_events_exception_idx on prod_exception_events (org_id, exception_id, at);
create index prod_exception_events_actor_idx on prod_exception_events (org_id, actor_id);
