import { and, eq, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess, userIdOf } from '#core/access';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { AppError, invalidField, invalidState, versionConflict } from '#core/errors';
import { getWorkshopRow } from '../master/index';
import type { ActionBody, RequisitionView } from './requisition.contract';
import { notifyRequisition } from './requisition-notify';
import { findMyDepartmentId, getRequisitionRow } from './requisition.query';
import { prodRequisitionEvents, prodRequisitions, type RequisitionAction, type RequisitionRow, type RequisitionState } from './requisition.schema';
import { getRequisitionView } from './requisition-view.service';

// PP-17 (T4 第二十八条 经车间主任批准): a small state machine rather than the document engine —
// the approver is the director of THIS workshop (a department, not only a role), and only a
// requisition with above-norm lines takes the second step (the policy's role). Each step is
// audited, notified and shown in 我的待办 like the engine's.

export async function recordEvent(
  tx: Db,
  actor: Actor,
  requisitionId: string,
  action: RequisitionAction,
  fromState: RequisitionState | null,
  toState: RequisitionState,
  opinion: string | null,
  now: Date,
): Promise<void> {
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${prodRequisitionEvents.seq}), 0)::int + 1` })
    .from(prodRequisitionEvents)
    .where(and(eq(prodRequisitionEvents.orgId, actor.orgId), eq(prodRequisitionEvents.requisitionId, requisitionId)));
  await tx.insert(prodRequisitionEvents).values({
    orgId: actor.orgId,
    requisitionId,
    seq: Number(next),
    action,
    fromState,
    toState,
    actorId: userIdOf(actor),
    actorName: actor.displayName,
    opinion: opinion?.trim() || null,
    at: now,
  });
}

type Decision = 'approve' | 'reject';

/** The step the actor may decide, or why not: the director of the workshop, then the above-norm role. */
async function assertDecider(tx: Db, actor: Actor, r: RequisitionRow): Promise<'director' | 'aboveNorm'> {
  if (r.state === 'submitted') {
    const workshop = await getWorkshopRow(tx, actor.orgId, r.workshopId);
    const isDirector =
      hasPermission(actor, 'production.requisition.approve') && !!workshop.departmentId && (await findMyDepartmentId(tx, actor)) === workshop.departmentId;
    if (!isDirector)
      throw new AppError(
        'FORBIDDEN',
        `只有${workshop.name}的车间主任可以批准本车间的领料单（T4 第二十八条）`,
        `Only the director of ${workshop.name} may approve its requisitions (T4 art. 28)`,
      );
    return 'director';
  }
  if (r.state === 'escalated') {
    if (!r.aboveNormRole || !actor.roles.includes(r.aboveNormRole))
      throw new AppError('FORBIDDEN', '超定额物料须由制度规定的批准人批准', 'Lines above the norm are approved by the role the policy names');
    if (actor.userId === r.requestedBy) throw new AppError('SELF_APPROVAL_FORBIDDEN', '不能审批自己填写的领料单', 'You cannot approve your own requisition');
    return 'aboveNorm';
  }
  throw invalidState(`领料单 ${r.number} 不在审批中`, `Requisition ${r.number} is not awaiting approval`);
}

async function transition(
  tx: Db,
  actor: Actor,
  r: RequisitionRow,
  to: RequisitionState,
  set: Partial<RequisitionRow>,
  version: number,
): Promise<RequisitionRow> {
  const [after] = await tx
    .update(prodRequisitions)
    .set({ ...set, state: to, version: sql`${prodRequisitions.version} + 1` })
    .where(and(eq(prodRequisitions.orgId, actor.orgId), eq(prodRequisitions.id, r.id), eq(prodRequisitions.version, version)))
    .returning();
  if (!after) throw versionConflict();
  return after;
}

async function decide(db: Db, actor: Actor, id: string, decision: Decision, input: ActionBody, now: Date): Promise<RequisitionView> {
  requireAccess(actor, 'production.read');
  const opinion = input.opinion?.trim() || null;
  if (decision === 'reject' && (!opinion || opinion.length < 2)) throw invalidField('opinion', '退回时请填写意见', 'give a reason when rejecting');
  await db.transaction(async (tx) => {
    const r = await getRequisitionRow(tx, actor.orgId, id, { forUpdate: true });
    if (r.version !== input.version) throw versionConflict();
    const step = await assertDecider(tx, actor, r);
    const to: RequisitionState = decision === 'reject' ? 'rejected' : step === 'director' && r.isAboveNorm ? 'escalated' : 'approved';
    const set: Partial<RequisitionRow> = { decidedOpinion: opinion };
    if (decision === 'approve' && step === 'director') Object.assign(set, { approvedBy: actor.userId, approvedAt: now });
    if (decision === 'approve' && step === 'aboveNorm') Object.assign(set, { aboveNormApprovedBy: actor.userId, aboveNormApprovedAt: now });
    const after = await transition(tx, actor, r, to, set, input.version);
    const action: RequisitionAction = decision === 'reject' ? 'reject' : step === 'aboveNorm' ? 'approve_above_norm' : 'approve';
    await recordEvent(tx, actor, id, action, r.state, to, opinion, now);
    await writeAudit(tx, actor, {
      action: `production.requisition.${action}`,
      entity: 'prod_requisition',
      entityId: id,
      before: { number: r.number, state: r.state },
      after: { state: to, opinion },
    });
    await notifyRequisition(tx, actor, after, to, opinion);
  });
  return getRequisitionView(db, actor, id);
}

/** The workshop director approves; a requisition with above-norm lines then goes to the policy's role. */
export const approveRequisition = (db: Db, actor: Actor, id: string, input: ActionBody, now: Date) => decide(db, actor, id, 'approve', input, now);
export const rejectRequisition = (db: Db, actor: Actor, id: string, input: ActionBody, now: Date) => decide(db, actor, id, 'reject', input, now);

/** The person who asked takes it back while it waits for approval. */
export async function withdrawRequisition(db: Db, actor: Actor, id: string, input: ActionBody, now: Date): Promise<RequisitionView> {
  requireAccess(actor, 'production.requisition.write');
  await db.transaction(async (tx) => {
    const r = await getRequisitionRow(tx, actor.orgId, id, { forUpdate: true });
    if (r.version !== input.version) throw versionConflict();
    if (r.requestedBy !== actor.userId) throw new AppError('FORBIDDEN', '只有填写人可以撤回领料单', 'Only the person who wrote it may withdraw a requisition');
    if (r.state !== 'submitted' && r.state !== 'escalated')
      throw invalidState(`领料单 ${r.number} 已审批完毕，不能撤回`, `Requisition ${r.number} is already decided and cannot be withdrawn`);
    await transition(tx, actor, r, 'withdrawn', {}, input.version);
    await recordEvent(tx, actor, id, 'withdraw', r.state, 'withdrawn', input.opinion ?? null, now);
    await writeAudit(tx, actor, {
      action: 'production.requisition.withdraw',
      entity: 'prod_requisition',
      entityId: id,
      before: { number: r.number, state: r.state },
      after: { state: 'withdrawn' },
    });
  });
  return getRequisitionView(db, actor, id);
}
