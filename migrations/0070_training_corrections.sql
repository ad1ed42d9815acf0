-- Issue 13 items 1–3: a session entered by mistake is voided (never deleted), a locked
-- record may be overridden by the policy's role, and the office manages every group.

alter table training_sessions drop constraint training_sessions_state_check;
alter table training_sessions add constraint training_sessions_state_check check (state in ('scheduled', 'cancelled', 'void'));
alter table training_sessions add column void_reason text;
alter table training_sessions add column voided_at timestamptz;
alter table training_sessions add column voided_by uuid;
alter table training_sessions add check (state <> 'void' or (void_reason is not null and voided_at is not null));

-- The training office (the roles that keep the teacher register) manages every group's
-- sessions; a group leader holding training.session.manage alone keeps to their group.
update roles set permissions = array_append(permissions, 'training.school.manage')
  where 'training.teacher.manage' = any (permissions) and not ('training.school.manage' = any (permissions));
