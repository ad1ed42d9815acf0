-- Issue 15 item 10: a department is retired, never deleted (records keep pointing at it).
alter table departments add column retired_at timestamptz;
