-- Issue 12: each organisation has the modules its template implies and an admin may add or
-- remove one. A row is an enabled module; core modules are always on and have no row.
create table org_modules (
  org_id uuid not null references organisations (id),
  module text not null,
  enabled_at timestamptz not null default now(),
  primary key (org_id, module)
);

-- Organisations made before this table: a plant runs production, a school training and the League.
insert into org_modules (org_id, module)
select id, 'production' from organisations where kind = 'enterprise'
union all
select id, m from organisations, (values ('training'), ('league')) as v (m) where kind = 'school';
