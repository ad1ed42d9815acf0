import { and, eq, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { AppError, invalidField, versionConflict } from '../errors';
import { notifyUsers } from '../notify';
import { findUserIdsWithRole } from '../org';
import { documentLink, type Workflows } from './approval.registry';
import { type DocumentAction, transition } from './approval.rules';
import { approvalActions, type ChainStep, type DocumentRow, documentRevisions, documents } from './approval.schema';
import { ACTION_PERMISSION, gatherFacts, getDocumentRow } from './document.query';
import { type DocumentView, getDocument } from './document.service';
import type { ActionInput } from './approval.contract';

export type { ActionInput };

export interface AppliedTransition {
  before: DocumentRow;
  after: DocumentRow;
}

/** The one place a document changes state; call inside a transaction. */
export async function applyTransition(
  tx: Db,
  workflows: Workflows,
  actor: Actor,
  id: string,
  action: DocumentAction,
  input: ActionInput,
  now: Date,
): Promise<AppliedTransition> {
  requireAccess(actor, ACTION_PERMISSION[action]);
  const doc = await getDocumentRow(tx, actor.orgId, id, { forUpdate: true });
  if (doc.version !== input.version) throw versionConflict();
  const { steps, allowSelfApproval, facts } = await gatherFacts(tx, actor, doc);
  const result = transition(doc.state, action, facts);
  if (!result.ok) throw new AppError(result.code, result.reason.zh, result.reason.en);
  for (const guard of workflows.guards(doc.docType, action)) {
    const reason = await guard.fn(tx, actor, doc);
    if (reason) throw new AppError('INVALID_STATE', reason.zh, reason.en, [{ reason: guard.name }]);
  }
  const opinion = input.opinion?.trim() || null;
  if (action === 'reject' && !opinion) throw invalidField('opinion', '退回时请填写意见', 'give a reason when rejecting');

  const actedStep = action === 'approve' || action === 'reject' ? steps[doc.stepIndex ?? 0] : undefined;
  const route: ChainStep[] = action === 'submit' ? steps : (doc.chainSteps ?? []);
  const nextStep = result.stepIndex === null ? undefined : route[result.stepIndex];
  const isAdjust = action === 'adjust';
  const [after] = await tx
    .update(documents)
    .set({
      state: result.to,
      stepIndex: result.stepIndex,
      waitingRole: nextStep?.roleCode ?? null,
      updatedAt: now,
      version: sql`${documents.version} + 1`,
      ...(action === 'submit' ? { chainSteps: steps, allowSelfApproval, submittedAt: now } : {}),
      ...(result.to === 'approved' ? { effectiveRevision: doc.revision } : {}),
      ...(isAdjust ? { revision: doc.revision + 1, chainSteps: null, submittedAt: null } : {}),
    })
    .where(and(eq(documents.orgId, actor.orgId), eq(documents.id, id), eq(documents.version, input.version)))
    .returning();
  if (!after) throw versionConflict();

  await recordRevisionState(tx, doc, after, now);
  await tx.insert(approvalActions).values({
    orgId: actor.orgId,
    documentId: id,
    seq: after.version,
    revision: after.revision,
    action,
    fromState: doc.state,
    toState: result.to,
    stepIndex: actedStep ? doc.stepIndex : null,
    stepKey: actedStep?.key ?? null,
    stepNameZh: actedStep?.nameZh ?? null,
    stepNameEn: actedStep?.nameEn ?? null,
    actorId: actor.userId,
    actorName: actor.displayName,
    opinion,
    at: now,
  });
  await writeAudit(tx, actor, {
    action: `document.${action}`,
    entity: 'document',
    entityId: id,
    before: { number: doc.number, state: doc.state, stepIndex: doc.stepIndex, revision: doc.revision },
    after: { number: doc.number, state: after.state, stepIndex: after.stepIndex, revision: after.revision, step: actedStep?.nameZh ?? null, opinion },
  });
  await notifyTransition(tx, documentLink(workflows, after), actor, doc, after, { action, nextStep, actedStep, opinion });
  for (const hook of workflows.hooks(doc.docType)) {
    await hook(tx, actor, { document: after, action, from: doc.state, to: result.to, opinion, workflows });
  }
  return { before: doc, after };
}

// Each revision keeps its own state, so an old one stays readable with how it ended.
async function recordRevisionState(tx: Db, before: DocumentRow, after: DocumentRow, now: Date): Promise<void> {
  const revisionKey = (revision: number) =>
    and(eq(documentRevisions.orgId, before.orgId), eq(documentRevisions.documentId, before.id), eq(documentRevisions.revision, revision));
  if (after.revision !== before.revision) {
    await tx.insert(documentRevisions).values({
      orgId: before.orgId,
      documentId: before.id,
      revision: after.revision,
      title: before.title,
      body: before.body,
      state: 'draft',
      createdBy: after.createdBy,
      createdAt: now,
    });
    return;
  }
  await tx
    .update(documentRevisions)
    .set({ state: after.state, ...(after.state === 'approved' ? { approvedAt: now } : {}) })
    .where(revisionKey(after.revision));
  // A newly approved revision replaces the one in force until now.
  if (after.state === 'approved' && before.effectiveRevision !== null && before.effectiveRevision !== after.revision) {
    await tx.update(documentRevisions).set({ supersededAt: now }).where(revisionKey(before.effectiveRevision));
  }
}

async function notifyTransition(
  tx: Db,
  link: string,
  actor: Actor,
  before: DocumentRow,
  after: DocumentRow,
  what: { action: DocumentAction; nextStep?: ChainStep; actedStep?: ChainStep; opinion: string | null },
): Promise<void> {
  const name = `${after.number} ${after.title}`;
  if (what.nextStep && (what.action === 'submit' || what.action === 'approve')) {
    const holders = await findUserIdsWithRole(tx, actor.orgId, what.nextStep.roleCode);
    const recipients = after.allowSelfApproval ? holders : holders.filter((u) => u !== after.createdBy);
    await notifyUsers(tx, actor.orgId, recipients, {
      kind: 'approval.pending',
      title: { zh: `待审批：${name}`, en: `Approval needed: ${name}` },
      body: { zh: `审批步骤：${what.nextStep.nameZh}`, en: `Step: ${what.nextStep.nameEn}` },
      link,
    });
    return;
  }
  const opinion = what.opinion ? { zh: `意见：${what.opinion}`, en: `Opinion: ${what.opinion}` } : undefined;
  if (after.state === 'approved' && before.state === 'submitted') {
    await notifyUsers(tx, actor.orgId, [after.createdBy], {
      kind: 'approval.approved',
      title: { zh: `已批准：${name}`, en: `Approved: ${name}` },
      body: opinion,
      link,
    });
  } else if (after.state === 'rejected') {
    await notifyUsers(tx, actor.orgId, [after.createdBy], {
      kind: 'approval.rejected',
      title: { zh: `已退回：${name}`, en: `Rejected: ${name}` },
      body: opinion,
      link,
    });
  }
}

/** Any action but issue (which needs recipients): submit, approve, reject, withdraw, revise, close, adjust. */
export async function actOnDocument(
  db: Db,
  workflows: Workflows,
  actor: Actor,
  id: string,
  action: Exclude<DocumentAction, 'issue'>,
  input: ActionInput,
  now: Date,
): Promise<DocumentView> {
  await db.transaction((tx) => applyTransition(tx, workflows, actor, id, action, input, now));
  return getDocument(db, workflows, actor, id);
}

export const submitDocument = (db: Db, workflows: Workflows, actor: Actor, id: string, input: ActionInput, now: Date) =>
  actOnDocument(db, workflows, actor, id, 'submit', input, now);
export const approveDocument = (db: Db, workflows: Workflows, actor: Actor, id: string, input: ActionInput, now: Date) =>
  actOnDocument(db, workflows, actor, id, 'approve', input, now);
export const rejectDocument = (db: Db, workflows: Workflows, actor: Actor, id: string, input: ActionInput, now: Date) =>
  actOnDocument(db, workflows, actor, id, 'reject', input, now);
/** CORE-4: a new revision in draft that goes through the same chain; the old one stays in force. */
export const adjustDocument = (db: Db, workflows: Workflows, actor: Actor, id: string, input: ActionInput, now: Date) =>
  actOnDocument(db, workflows, actor, id, 'adjust', input, now);
