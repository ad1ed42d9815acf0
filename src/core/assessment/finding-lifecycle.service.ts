import { and, eq, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '../errors';
import { notifyUsers } from '../notify';
import { findUserIdsInDepartment, findUserIdsWithPermission } from '../org';
import { FIELD_META, getPolicy } from '../policy';
import { type FindingState, findingEvents, findings } from './assessment.schema';
import { getFinding, getViewer } from './finding-query.service';
import { type FindingCommand, falsifiedAmount, isFindingSubject, nextFindingState, withFalsificationClause } from './finding.rules';

export interface FindingStep {
  /** The written reason (dispute, withdrawal, falsification) or opinion (confirmation). */
  reason: string;
  version: number;
}

const ACTION_LABELS: Record<FindingCommand, { zh: string; en: string }> = {
  dispute: { zh: '提出申诉', en: 'disputed' },
  confirm: { zh: '确认', en: 'confirmed' },
  withdraw: { zh: '撤销', en: 'withdrawn' },
  falsified: { zh: '认定弄虚作假并加倍考核', en: 'marked as falsified and doubled' },
};

const STATE_LABELS: Record<FindingState, { zh: string; en: string }> = {
  open: { zh: '待确认', en: 'open' },
  disputed: { zh: '申诉中', en: 'disputed' },
  confirmed: { zh: '已确认', en: 'confirmed' },
  withdrawn: { zh: '已撤销', en: 'withdrawn' },
};

function assertAllowed(command: FindingCommand, actor: Actor, isSubject: boolean, isSelf: boolean): void {
  if (command === 'dispute') {
    if (!isSubject) throw new AppError('FORBIDDEN', '只有被考核人或其部门成员可以申诉', 'Only the person or a member of the department assessed may dispute');
    return;
  }
  requireAccess(actor, 'assessment.manage');
  if (isSelf) throw new AppError('SELF_APPROVAL_FORBIDDEN', '不能处理针对本人的考核结果', 'You cannot decide on a finding about yourself');
}

async function applyStep(db: Db, actor: Actor, id: string, command: FindingCommand, step: FindingStep) {
  const reason = step.reason.trim();
  if (reason.length < 2) throw invalidField(command === 'confirm' ? 'opinion' : 'reason', '请写明理由（至少 2 个字）', 'write a reason (2 characters or more)');
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(findings)
      .where(and(eq(findings.orgId, actor.orgId), eq(findings.id, id)))
      .for('update');
    if (!before) throw notFound('考核结果', 'Finding');
    const viewer = await getViewer(tx, actor);
    const isSubject = isFindingSubject(before, viewer);
    // What a person may not see does not exist for them.
    if (!isSubject && !hasPermission(actor, 'assessment.read') && !viewer.canManage) throw notFound('考核结果', 'Finding');
    assertAllowed(command, actor, isSubject, before.subjectUserId === actor.userId);
    if (before.version !== step.version) throw versionConflict();
    const to = nextFindingState(before.state, command);
    if (!to) throw invalidState(`当前状态不能${ACTION_LABELS[command].zh}`, `A finding in state ${before.state} cannot be ${ACTION_LABELS[command].en}`);

    let amount = before.amount;
    if (command === 'falsified') {
      if (before.isFalsified) throw invalidState('已按弄虚作假加倍考核，不能再次加倍', 'This finding was already doubled for falsification');
      if (before.amount === null) throw invalidState('该考核结果没有金额，无法加倍', 'This finding has no amount to double');
      const policy = await getPolicy(tx, actor.orgId);
      amount = falsifiedAmount(before.amount, policy.assessment.falsificationMultiplier);
    }
    const [after] = await tx
      .update(findings)
      .set({
        state: to,
        amount,
        // The doubled finding cites the clause that doubled it (T2 七.5) beside its own.
        ...(command === 'falsified'
          ? {
              isFalsified: true,
              originalAmount: before.amount,
              clause: withFalsificationClause(before.clause, FIELD_META['assessment.falsificationMultiplier'].clause),
            }
          : {}),
        updatedAt: sql`now()`,
        version: sql`${findings.version} + 1`,
      })
      .where(and(eq(findings.orgId, actor.orgId), eq(findings.id, id), eq(findings.version, step.version)))
      .returning();
    if (!after) throw versionConflict();
    await tx.insert(findingEvents).values({
      orgId: actor.orgId,
      findingId: id,
      action: command,
      fromState: before.state,
      toState: to,
      actorId: actor.userId,
      actorName: actor.displayName,
      reason,
      amountBefore: before.amount,
      amountAfter: amount,
    });
    await writeAudit(tx, actor, {
      action: `finding.${command}`,
      entity: 'finding',
      entityId: id,
      before: { state: before.state, amount: before.amount, clause: before.clause, version: before.version },
      after: { state: to, amount, clause: after.clause, reason, version: after.version },
    });
    await notifyAboutStep(tx, actor, after, command, to);
  });
  return getFinding(db, actor, id);
}

// A dispute goes to those who decide; a decision goes back to the people assessed.
async function notifyAboutStep(tx: Db, actor: Actor, f: typeof findings.$inferSelect, command: FindingCommand, to: FindingState) {
  const label = ACTION_LABELS[command];
  let recipients: string[];
  if (command === 'dispute') recipients = await findUserIdsWithPermission(tx, actor.orgId, 'assessment.manage');
  else if (f.subjectUserId) recipients = [f.subjectUserId];
  else if (f.subjectDepartmentId) recipients = await findUserIdsInDepartment(tx, actor.orgId, f.subjectDepartmentId);
  else recipients = [];
  await notifyUsers(
    tx,
    actor.orgId,
    recipients.filter((u) => u !== actor.userId),
    {
      kind: `finding.${command}`,
      title: { zh: `考核结果已${label.zh}：${f.subjectLabel}`, en: `Finding ${label.en}: ${f.subjectLabel}` },
      body: { zh: `依据 ${f.clause}：${f.summaryZh}（${STATE_LABELS[to].zh}）`, en: `Under ${f.clause}: ${f.summaryEn} (${STATE_LABELS[to].en})` },
      link: `/assessment?finding=${f.id}`,
    },
  );
}

/** The subject person, or a member of the subject department, disputes in writing (CORE-8). */
export const disputeFinding = (db: Db, actor: Actor, id: string, step: FindingStep) => applyStep(db, actor, id, 'dispute', step);

/** A holder of assessment.manage confirms, with an opinion, from open or disputed. */
export const confirmFinding = (db: Db, actor: Actor, id: string, step: FindingStep) => applyStep(db, actor, id, 'confirm', step);

export const withdrawFinding = (db: Db, actor: Actor, id: string, step: FindingStep) => applyStep(db, actor, id, 'withdraw', step);

/** T2 七.5: falsified facts multiply the amount by the policy's multiplier, once. */
export const markFindingFalsified = (db: Db, actor: Actor, id: string, step: FindingStep) => applyStep(db, actor, id, 'falsified', step);
