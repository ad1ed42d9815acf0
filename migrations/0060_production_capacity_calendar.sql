-- Issue 14 item 1 (PP-9): a plan's capacity check records the capacity calendar it was computed
-- on, as a fingerprint of the hours per workshop and day it used. A changed calendar (shifts,
-- working days, exception days, holidays, stopped machines) gives another fingerprint, so a stored
-- check that no longer matches is stale and is recomputed; the day of the last such recompute is
-- kept so the plan can say its figures moved because the calendar did.

alter table prod_plans add column capacity_calendar text;
alter table prod_plans add column capacity_calendar_changed_on date;
