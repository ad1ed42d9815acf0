-- Issue 14 item 2 (PP-9, T4 第十九条): a countermeasure states what it takes off the overload it
-- answers, in hours (extra_hours: overtime added, hours moved or outsourced) or as a share of the
-- load moved or outsourced (share_pct), and may span several capacity periods of one workshop
-- (bucket_start … bucket_end, e.g. one "加班 70 h" for the month's weeks). Whether it covers the
-- overload is decided at every capacity check, never stored.

alter table prod_countermeasures add column bucket_end date;
alter table prod_countermeasures add column share_pct double precision check (share_pct is null or (share_pct > 0 and share_pct <= 100));
alter table prod_countermeasures add constraint prod_countermeasures_span check (bucket_end is null or bucket_end >= bucket_start);
