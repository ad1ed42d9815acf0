-- Issue 12: the platform operator. Operators are the people of one organisation of kind
-- 'platform'; they create, disable and re-enable the other organisations.
alter table organisations drop constraint organisations_kind_check;
alter table organisations add constraint organisations_kind_check check (kind in ('enterprise', 'school', 'platform'));

-- A disabled organisation's people cannot sign in, its sessions stop working and the
-- scheduler skips it; re-enabling clears both columns.
alter table organisations add column disabled_at timestamptz;
alter table organisations add column disabled_reason text;
