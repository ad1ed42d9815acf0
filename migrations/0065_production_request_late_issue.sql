-- Issue 14 item 4: a late special or temporary plan is one finding per request, whether the
-- request was never planned or its plan was issued late. Findings already recorded against a
-- request's plan take the request's key, so planning it later never records a second one.
update findings f
   set dedupe_key = 'production.plan.late-issue|request:' || p.request_id::text
  from prod_plans p
 where f.org_id = p.org_id
   and p.request_id is not null
   and f.dedupe_key = 'production.plan.late-issue|plan:' || p.id::text;
