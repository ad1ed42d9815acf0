import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess, requireAnyAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { findDepartments } from '#core/org';
import { getPolicy } from '#core/policy';
import { trainingPlans } from '../plan';
import { findTeacherOfUser } from '../teacher';
import type {
  BudgetItemView,
  BudgetView,
  CreateBudgetItemBody,
  CreateGroupPlanBody,
  GroupPlanList,
  GroupPlanView,
  ReviewGroupPlanBody,
  UpdateBudgetItemBody,
  UpdateGroupPlanBody,
  YearQuery,
} from './group-plan.contract';
import { type BudgetItemRow, budgetItems, type GroupPlanRow, groupPlans } from './group-plan.schema';

type PlanLabel = GroupPlanView['schoolPlan'];

async function schoolPlansOf(db: Db, orgId: string, schoolYear?: string): Promise<PlanLabel[]> {
  const rows = await db
    .select({ id: trainingPlans.id, kind: trainingPlans.kind, schoolYear: trainingPlans.schoolYear, term: trainingPlans.term })
    .from(trainingPlans)
    .where(schoolYear ? and(eq(trainingPlans.orgId, orgId), eq(trainingPlans.schoolYear, schoolYear)) : eq(trainingPlans.orgId, orgId))
    .orderBy(asc(trainingPlans.startsOn));
  return rows.map((r) => ({ ...r, term: r.term ?? null }));
}

async function teachingGroupsOf(db: Db, actor: Actor) {
  return (await findDepartments(db, actor)).filter((d) => d.kind === 'teaching_group').map((d) => ({ id: d.id, name: d.name }));
}

/**
 * Who writes a group's plan (S2 六.(二)): the office (training.plan.write) for any group; a
 * group leader (training.session.manage) for their own group only.
 */
async function writableGroupIds(db: Db, actor: Actor, all: { id: string }[]): Promise<string[]> {
  if (hasPermission(actor, 'training.plan.write')) return all.map((g) => g.id);
  if (!hasPermission(actor, 'training.session.manage')) return [];
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  return me?.groupId ? [me.groupId] : [];
}

async function assertWrites(db: Db, actor: Actor, groupId: string) {
  requireAnyAccess(actor, ['training.plan.write', 'training.session.manage']);
  const groups = await teachingGroupsOf(db, actor);
  if (!groups.some((g) => g.id === groupId)) throw invalidField('groupId', '请选择教研组', 'Choose a teaching group');
  if (!(await writableGroupIds(db, actor, groups)).includes(groupId))
    throw new AppError('FORBIDDEN', '教研组长只能制定本组的培训计划', 'A group leader writes their own group’s plan only');
}

function groupPlanView(r: GroupPlanRow, plans: PlanLabel[], groups: { id: string; name: string }[]): GroupPlanView {
  const plan = plans.find((p) => p.id === r.schoolPlanId)!;
  return {
    id: r.id,
    schoolPlan: plan,
    groupId: r.groupId,
    groupName: groups.find((g) => g.id === r.groupId)?.name ?? '',
    title: r.title,
    content: r.content,
    state: r.state,
    reviewComment: r.reviewComment,
    writtenByName: r.writtenByName,
    reviewedByName: r.reviewedByName,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

async function viewOf(db: Db, actor: Actor, r: GroupPlanRow): Promise<GroupPlanView> {
  const [plans, groups] = await Promise.all([schoolPlansOf(db, actor.orgId), teachingGroupsOf(db, actor)]);
  return groupPlanView(r, plans, groups);
}

/** ST-20: the groups' plans of a school year under the school's plans. */
export async function findGroupPlans(db: Db, actor: Actor, q: YearQuery): Promise<GroupPlanList> {
  requireAccess(actor, 'training.read');
  const [plans, groups, policy] = await Promise.all([schoolPlansOf(db, actor.orgId, q.schoolYear), teachingGroupsOf(db, actor), getPolicy(db, actor.orgId)]);
  const rows = plans.length
    ? await db
        .select()
        .from(groupPlans)
        .where(
          and(
            eq(groupPlans.orgId, actor.orgId),
            inArray(
              groupPlans.schoolPlanId,
              plans.map((p) => p.id),
            ),
          ),
        )
        .orderBy(asc(groupPlans.createdAt))
    : [];
  const writable = await writableGroupIds(db, actor, groups);
  return {
    schoolYear: q.schoolYear,
    schoolPlans: plans,
    writableGroups: groups.filter((g) => writable.includes(g.id)),
    canApprove: actor.roles.includes(policy.training.groupPlanApproverRole),
    plans: rows.map((r) => groupPlanView(r, plans, groups)),
  };
}

export async function createGroupPlan(db: Db, actor: Actor, input: CreateGroupPlanBody, now: Date): Promise<GroupPlanView> {
  await assertWrites(db, actor, input.groupId);
  const [plan] = await db
    .select({ id: trainingPlans.id })
    .from(trainingPlans)
    .where(and(eq(trainingPlans.orgId, actor.orgId), eq(trainingPlans.id, input.schoolPlanId)));
  if (!plan) throw invalidField('schoolPlanId', '请选择学校的培训计划', 'Choose the school’s plan');
  const row = await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: groupPlans.id })
      .from(groupPlans)
      .where(and(eq(groupPlans.orgId, actor.orgId), eq(groupPlans.schoolPlanId, input.schoolPlanId), eq(groupPlans.groupId, input.groupId)));
    if (taken) throw invalidState('本组在该学校计划下已有培训计划，请修改原计划', 'The group already has a plan under this school plan; edit it');
    const [r] = await tx
      .insert(groupPlans)
      .values({
        orgId: actor.orgId,
        schoolPlanId: input.schoolPlanId,
        groupId: input.groupId,
        title: input.title,
        content: input.content,
        writtenBy: actor.userId,
        writtenByName: actor.displayName,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'training.group_plan.create', entity: 'training.group_plan', entityId: r.id, after: r });
    return r;
  });
  return viewOf(db, actor, row);
}

async function loadPlan(db: Db, actor: Actor, id: string): Promise<GroupPlanRow> {
  const [row] = await db
    .select()
    .from(groupPlans)
    .where(and(eq(groupPlans.orgId, actor.orgId), eq(groupPlans.id, id)));
  if (!row) throw notFound('教研组培训计划', 'Group plan');
  return row;
}

async function change(db: Db, actor: Actor, row: GroupPlanRow, version: number, set: Partial<GroupPlanRow>, action: string, now: Date): Promise<GroupPlanRow> {
  if (row.version !== version) throw versionConflict();
  return db.transaction(async (tx) => {
    const [r] = await tx
      .update(groupPlans)
      .set({ ...set, updatedAt: now, version: sql`${groupPlans.version} + 1` })
      .where(and(eq(groupPlans.orgId, actor.orgId), eq(groupPlans.id, row.id), eq(groupPlans.version, version)))
      .returning();
    if (!r) throw versionConflict();
    await writeAudit(tx, actor, { action, entity: 'training.group_plan', entityId: r.id, before: row, after: r });
    return r;
  });
}

export async function updateGroupPlan(db: Db, actor: Actor, id: string, input: UpdateGroupPlanBody, now: Date): Promise<GroupPlanView> {
  const row = await loadPlan(db, actor, id);
  await assertWrites(db, actor, row.groupId);
  if (row.state !== 'draft' && row.state !== 'returned') throw invalidState('已提交或已批准的计划不能修改', 'A submitted or approved plan cannot be edited');
  return viewOf(db, actor, await change(db, actor, row, input.version, { title: input.title, content: input.content }, 'training.group_plan.update', now));
}

export async function submitGroupPlan(db: Db, actor: Actor, id: string, version: number, now: Date): Promise<GroupPlanView> {
  const row = await loadPlan(db, actor, id);
  await assertWrites(db, actor, row.groupId);
  if (row.state !== 'draft' && row.state !== 'returned') throw invalidState('该计划已提交', 'The plan is already submitted');
  return viewOf(db, actor, await change(db, actor, row, version, { state: 'submitted' }, 'training.group_plan.submit', now));
}

/** The approver the policy names (the office by default) approves or returns a submitted plan; the writer is told. */
export async function reviewGroupPlan(db: Db, actor: Actor, id: string, input: ReviewGroupPlanBody, now: Date): Promise<GroupPlanView> {
  requireAccess(actor, 'training.read');
  const policy = await getPolicy(db, actor.orgId);
  if (!actor.roles.includes(policy.training.groupPlanApproverRole))
    throw new AppError('FORBIDDEN', '按制度由教导处审批教研组培训计划', 'The office approves group plans, as the policy says');
  const row = await loadPlan(db, actor, id);
  if (row.state !== 'submitted') throw invalidState('只有已提交的计划可以审批', 'Only a submitted plan can be reviewed');
  const comment = input.comment?.trim() || null;
  if (input.decision === 'return' && !comment) throw invalidField('comment', '退回时请写明意见', 'Say why the plan is returned');
  const r = await change(
    db,
    actor,
    row,
    input.version,
    {
      state: input.decision === 'approve' ? 'approved' : 'returned',
      reviewComment: comment,
      reviewedBy: actor.userId,
      reviewedByName: actor.displayName,
      reviewedAt: now,
    },
    `training.group_plan.${input.decision}`,
    now,
  );
  await notifyUsers(db, actor.orgId, [row.writtenBy], {
    kind: 'training.group_plan',
    title:
      input.decision === 'approve'
        ? { zh: `教研组培训计划已批准：${row.title}`, en: `Group plan approved: ${row.title}` }
        : { zh: `教研组培训计划被退回：${row.title}`, en: `Group plan returned: ${row.title}` },
    body: comment ? { zh: comment, en: comment } : undefined,
    link: '/training/group-plans',
  });
  return viewOf(db, actor, r);
}

// ---- S2 六.(五): the training budget ----

const round2 = (n: number) => Math.round(n * 100) / 100;
const budgetView = (r: BudgetItemRow): BudgetItemView => ({
  id: r.id,
  schoolYear: r.schoolYear,
  planId: r.planId,
  title: r.title,
  plannedAmount: r.plannedAmount,
  spentAmount: r.spentAmount,
  remaining: round2(r.plannedAmount - r.spentAmount),
  isOverspent: r.spentAmount > r.plannedAmount,
  note: r.note,
  version: r.version,
});

export async function getBudget(db: Db, actor: Actor, q: YearQuery): Promise<BudgetView> {
  requireAccess(actor, 'training.read');
  const rows = await db
    .select()
    .from(budgetItems)
    .where(and(eq(budgetItems.orgId, actor.orgId), eq(budgetItems.schoolYear, q.schoolYear)))
    .orderBy(asc(budgetItems.createdAt));
  const planned = round2(rows.reduce((s, r) => s + r.plannedAmount, 0));
  const spent = round2(rows.reduce((s, r) => s + r.spentAmount, 0));
  return {
    schoolYear: q.schoolYear,
    canEdit: hasPermission(actor, 'training.plan.write'),
    items: rows.map(budgetView),
    totals: { planned, spent, remaining: round2(planned - spent) },
  };
}

async function assertPlanOfYear(db: Db, orgId: string, planId: string | null | undefined, schoolYear: string) {
  if (!planId) return;
  const [p] = await db
    .select({ schoolYear: trainingPlans.schoolYear })
    .from(trainingPlans)
    .where(and(eq(trainingPlans.orgId, orgId), eq(trainingPlans.id, planId)));
  if (!p || p.schoolYear !== schoolYear) throw invalidField('planId', '请选择本学年的培训计划', 'Choose a plan of this school year');
}

export async function addBudgetItem(db: Db, actor: Actor, input: CreateBudgetItemBody, now: Date): Promise<BudgetItemView> {
  requireAccess(actor, 'training.plan.write');
  await assertPlanOfYear(db, actor.orgId, input.planId, input.schoolYear);
  return db.transaction(async (tx) => {
    const [r] = await tx
      .insert(budgetItems)
      .values({
        orgId: actor.orgId,
        schoolYear: input.schoolYear,
        planId: input.planId ?? null,
        title: input.title,
        plannedAmount: input.plannedAmount,
        spentAmount: input.spentAmount ?? 0,
        note: input.note || null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'training.budget.add', entity: 'training.budget', entityId: r.id, after: r });
    return budgetView(r);
  });
}

export async function updateBudgetItem(db: Db, actor: Actor, id: string, input: UpdateBudgetItemBody, now: Date): Promise<BudgetItemView> {
  requireAccess(actor, 'training.plan.write');
  const [row] = await db
    .select()
    .from(budgetItems)
    .where(and(eq(budgetItems.orgId, actor.orgId), eq(budgetItems.id, id)));
  if (!row) throw notFound('经费项目', 'Budget item');
  if (row.version !== input.version) throw versionConflict();
  await assertPlanOfYear(db, actor.orgId, input.planId, row.schoolYear);
  return db.transaction(async (tx) => {
    const [r] = await tx
      .update(budgetItems)
      .set({
        planId: input.planId ?? null,
        title: input.title,
        plannedAmount: input.plannedAmount,
        spentAmount: input.spentAmount,
        note: input.note || null,
        updatedAt: now,
        version: sql`${budgetItems.version} + 1`,
      })
      .where(and(eq(budgetItems.orgId, actor.orgId), eq(budgetItems.id, id), eq(budgetItems.version, input.version)))
      .returning();
    if (!r) throw versionConflict();
    await writeAudit(tx, actor, { action: 'training.budget.update', entity: 'training.budget', entityId: r.id, before: row, after: r });
    return budgetView(r);
  });
}
