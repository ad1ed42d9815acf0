-- Issue 12: a district (学区 / 教育局, teacher-development office) over schools.
-- A district is an organisation of its own kind (the check keeps 'platform' for the operator's
-- kind added beside it, whichever migration runs first).
alter table organisations drop constraint if exists organisations_kind_check;
alter table organisations add constraint organisations_kind_check check (kind in ('enterprise', 'school', 'district', 'platform'));

-- One row per district and school: the district asks (requested), the school accepts or
-- declines, either side ends it. A pair has one row; asking again reopens it.
-- org_id is the district; the school reads its rows by school_org_id.
create table district_links (
  org_id uuid not null references organisations (id),
  id uuid not null default gen_random_uuid(),
  school_org_id uuid not null references organisations (id),
  state text not null check (state in ('requested', 'accepted', 'declined', 'ended')),
  requested_by uuid not null,
  requested_by_name text not null,
  requested_at timestamptz not null,
  decided_by uuid,
  decided_by_name text,
  decided_at timestamptz,
  ended_by uuid,
  ended_by_name text,
  ended_by_side text check (ended_by_side in ('district', 'school')),
  ended_at timestamptz,
  version integer not null default 1,
  primary key (org_id, id),
  unique (org_id, school_org_id),
  check (org_id <> school_org_id)
);
create index district_links_school_idx on district_links (school_org_id, state);
