-- Core: organisations, departments, people, roles, sessions, audit.
-- Every table carries org_id first in its primary key; references include org_id,
-- so a row can never point into another organisation.

create table organisations (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('enterprise', 'school')),
  template text not null,
  created_at timestamptz not null default now()
);

create table departments (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  name text not null,
  kind text not null check (kind in ('department', 'workshop', 'teaching_group', 'leadership_group', 'league')),
  parent_id uuid,
  sort integer not null default 0,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  unique (org_id, name),
  foreign key (org_id, parent_id) references departments (org_id, id)
);

create table users (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  username text not null unique,
  display_name text not null,
  password_hash text not null,
  department_id uuid,
  positions text[] not null default '{}',
  phone text,
  locale text not null default 'zh-CN',
  is_active boolean not null default true,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  primary key (org_id, id),
  foreign key (org_id, department_id) references departments (org_id, id)
);
create index users_department_idx on users (org_id, department_id);

create table roles (
  org_id uuid not null references organisations (id),
  code text not null,
  name_zh text not null,
  name_en text not null,
  permissions text[] not null default '{}',
  version integer not null default 1,
  primary key (org_id, code)
);

create table user_roles (
  org_id uuid not null,
  user_id uuid not null,
  role_code text not null,
  primary key (org_id, user_id, role_code),
  foreign key (org_id, user_id) references users (org_id, id) on delete cascade,
  foreign key (org_id, role_code) references roles (org_id, code)
);
create index user_roles_role_idx on user_roles (org_id, role_code);

create table sessions (
  org_id uuid not null,
  id text not null unique,
  user_id uuid not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (org_id, id),
  foreign key (org_id, user_id) references users (org_id, id) on delete cascade
);
create index sessions_user_idx on sessions (org_id, user_id);

create table audit_log (
  org_id uuid not null references organisations (id),
  id bigint generated always as identity,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_name text,
  action text not null,
  entity text not null,
  entity_id text not null,
  old_value jsonb,
  new_value jsonb,
  primary key (org_id, id)
);
create index audit_log_entity_idx on audit_log (org_id, entity, entity_id);
create index audit_log_at_idx on audit_log (org_id, at desc);

-- Append-only: the audit trail cannot be edited or deleted, not even by the app.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_append_only();
