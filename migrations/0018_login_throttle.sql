-- Issue 10: sign-in limits live in the database, so several app processes share them and
-- concurrent attempts are counted by atomic updates (never read, then rewritten).
-- Failed sign-ins per client address in a fixed window. Not per organisation: the address
-- is known before anyone is, so this is the one table without org_id (a reference table
-- when sharded by organisation).
create table login_throttle (
  address text primary key,
  window_started_at timestamptz not null,
  failures integer not null default 0 check (failures >= 0)
);
create index login_throttle_window_idx on login_throttle (window_started_at);
