import { and, asc, desc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, requireAccess } from '../access';
import { writeAudit } from '../audit';
import { localDateOf } from '../calendar';
import type { Db } from '../db';
import { invalidField, invalidState } from '../errors';
import { notifyUsers } from '../notify';
import { getPolicy } from '../policy';
import { departments, findUserIdsInDepartment, isOrganisationActive, users } from '../org';
import { documentLink, type Workflows } from './approval.registry';
import { documentReceipts, documents } from './approval.schema';
import { applyTransition } from './document-transition.service';
import { getDocumentRow } from './document.query';
import { type DocumentView, getDocument } from './document.service';
import { findPendingReceiptsFor } from './receipt.query';
import type { ReceiptView, DistributionView, IssueInput } from './approval.contract';

export type { ReceiptView, DistributionView, IssueInput };

async function assertRecipients(db: Db, orgId: string, departmentIds: string[], userIds: string[]): Promise<void> {
  if (departmentIds.length + userIds.length === 0)
    throw invalidField('departmentIds', '请至少选择一个接收部门或人员', 'choose at least one department or person');
  if (departmentIds.length) {
    const found = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, orgId), inArray(departments.id, departmentIds)));
    if (found.length !== departmentIds.length) throw invalidField('departmentIds', '部门不存在', 'unknown department');
  }
  if (userIds.length) {
    const found = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, orgId), inArray(users.id, userIds)));
    if (found.length !== userIds.length) throw invalidField('userIds', '人员不存在', 'unknown person');
  }
}

/**
 * Issue 14 item 8: a department nobody belongs to can never acknowledge, so the distribution
 * could never finish. It is refused, naming the departments, before anything is issued.
 */
async function assertDepartmentsStaffed(db: Db, orgId: string, departmentIds: string[]): Promise<void> {
  const empty: string[] = [];
  for (const d of departmentIds) if ((await findUserIdsInDepartment(db, orgId, d)).length === 0) empty.push(d);
  if (empty.length === 0) return;
  const names = (
    await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.orgId, orgId), inArray(departments.id, empty)))
  ).map((d) => d.name);
  throw invalidField(
    'departmentIds',
    `以下部门没有人员，发放后无人能签收：${names.join('、')}。请先在“组织与人员”中为其添加人员，或改为发给具体人员`,
    `No one belongs to ${names.join(', ')}, so no one could acknowledge: add people to it first, or issue to named people`,
  );
}

/**
 * Issue 14 item 8: each receipt not acknowledged a day after issue (and every day after) is
 * a reminder to those who should sign: the department's members or the person named.
 */
export async function remindUnacknowledged(db: Db, workflows: Workflows, now: Date): Promise<number> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ r: documentReceipts, doc: documents })
      .from(documentReceipts)
      .innerJoin(documents, and(eq(documents.orgId, documentReceipts.orgId), eq(documents.id, documentReceipts.documentId)))
      .where(
        and(
          isNull(documentReceipts.acknowledgedAt),
          lte(documentReceipts.issuedAt, dayAgo),
          or(isNull(documentReceipts.remindedAt), lte(documentReceipts.remindedAt, dayAgo)),
          eq(documents.state, 'issued'),
          eq(documents.effectiveRevision, documentReceipts.revision),
          // A disabled organisation's people are not reminded (issue 12).
          isOrganisationActive(documentReceipts.orgId),
        ),
      )
      .limit(200)
      .for('update', { of: documentReceipts, skipLocked: true });
    for (const { r, doc } of due) {
      const to = r.userId ? [r.userId] : r.departmentId ? await findUserIdsInDepartment(tx, r.orgId, r.departmentId) : [];
      const name = `${doc.number} ${doc.title}`;
      // The day it was issued, as the organisation counts days (not UTC's).
      const issuedOn = localDateOf(r.issuedAt, (await getPolicy(tx, r.orgId)).calendar.utcOffsetMinutes);
      await notifyUsers(tx, r.orgId, to, {
        kind: 'distribution.reminder',
        title: { zh: `催签：${name} 尚未签收`, en: `Reminder: ${name} is not acknowledged` },
        body: {
          zh: `${issuedOn} 发放，请阅后签收`,
          en: `Issued on ${issuedOn}; read and acknowledge`,
        },
        link: documentLink(workflows, doc),
      });
      await tx
        .update(documentReceipts)
        .set({ remindedAt: now })
        .where(and(eq(documentReceipts.orgId, r.orgId), eq(documentReceipts.id, r.id)));
    }
    return due.length;
  });
}

/** CORE-5: issue an approved document to departments (and people); each receipt awaits acknowledgement. */
export async function issueDocument(db: Db, workflows: Workflows, actor: Actor, id: string, input: IssueInput, now: Date): Promise<DocumentView> {
  requireAccess(actor, 'document.write');
  const departmentIds = [...new Set(input.departmentIds)];
  const userIds = [...new Set(input.userIds ?? [])];
  await assertRecipients(db, actor.orgId, departmentIds, userIds);
  await assertDepartmentsStaffed(db, actor.orgId, departmentIds);
  await db.transaction(async (tx) => {
    const { after } = await applyTransition(tx, workflows, actor, id, 'issue', input, now);
    const revision = after.effectiveRevision ?? after.revision;
    const base = { orgId: actor.orgId, documentId: id, revision, issuedBy: actor.userId, issuedAt: now };
    await tx
      .insert(documentReceipts)
      .values([...departmentIds.map((departmentId) => ({ ...base, departmentId })), ...userIds.map((userId) => ({ ...base, userId }))]);
    // One query at a time: a transaction is one connection.
    const members: string[] = [];
    for (const d of departmentIds) members.push(...(await findUserIdsInDepartment(tx, actor.orgId, d)));
    const name = `${after.number} ${after.title}`;
    await notifyUsers(tx, actor.orgId, [...members, ...userIds], {
      kind: 'distribution.received',
      title: { zh: `收文待签收：${name}`, en: `Document to acknowledge: ${name}` },
      body: { zh: `${actor.displayName} 发放，请阅后签收`, en: `Issued by ${actor.displayName}; read and acknowledge` },
      link: documentLink(workflows, after),
    });
    await writeAudit(tx, actor, { action: 'document.distribute', entity: 'document', entityId: id, after: { revision, departmentIds, userIds } });
  });
  return getDocument(db, workflows, actor, id);
}

/** A member acknowledges their department's receipt (and any receipt naming them). */
export async function acknowledgeDocument(db: Db, actor: Actor, id: string, now: Date): Promise<DistributionView> {
  requireAccess(actor, 'document.read');
  const doc = await getDocumentRow(db, actor.orgId, id);
  const pending = await findPendingReceiptsFor(db, actor, doc);
  if (pending.length === 0) throw invalidState('没有需要您签收的发放', 'Nothing here waits for your acknowledgement');
  await db.transaction(async (tx) => {
    const ids = pending.map((r) => r.id);
    await tx
      .update(documentReceipts)
      .set({ acknowledgedBy: actor.userId, acknowledgedAt: now })
      .where(and(eq(documentReceipts.orgId, actor.orgId), inArray(documentReceipts.id, ids), isNull(documentReceipts.acknowledgedAt)));
    await writeAudit(tx, actor, {
      action: 'document.acknowledge',
      entity: 'document',
      entityId: id,
      after: { revision: doc.effectiveRevision, receipts: pending.map((r) => ({ departmentId: r.departmentId, userId: r.userId })) },
    });
  });
  return findDistribution(db, actor, id);
}

export async function findDistribution(db: Db, actor: Actor, id: string): Promise<DistributionView> {
  requireAccess(actor, 'document.read');
  const doc = await getDocumentRow(db, actor.orgId, id);
  const recipient = alias(users, 'recipient');
  const issuer = alias(users, 'issuer');
  const acknowledger = alias(users, 'acknowledger');
  const rows = await db
    .select({
      r: documentReceipts,
      departmentName: departments.name,
      userName: recipient.displayName,
      issuedByName: issuer.displayName,
      acknowledgedByName: acknowledger.displayName,
    })
    .from(documentReceipts)
    .leftJoin(departments, and(eq(departments.orgId, documentReceipts.orgId), eq(departments.id, documentReceipts.departmentId)))
    .leftJoin(recipient, and(eq(recipient.orgId, documentReceipts.orgId), eq(recipient.id, documentReceipts.userId)))
    .leftJoin(issuer, and(eq(issuer.orgId, documentReceipts.orgId), eq(issuer.id, documentReceipts.issuedBy)))
    .leftJoin(acknowledger, and(eq(acknowledger.orgId, documentReceipts.orgId), eq(acknowledger.id, documentReceipts.acknowledgedBy)))
    .where(and(eq(documentReceipts.orgId, actor.orgId), eq(documentReceipts.documentId, id)))
    .orderBy(desc(documentReceipts.revision), asc(departments.sort), asc(recipient.displayName));
  const receipts: ReceiptView[] = rows.map(({ r, ...names }) => ({
    id: r.id,
    revision: r.revision,
    departmentId: r.departmentId,
    userId: r.userId,
    recipientName: names.departmentName ?? names.userName ?? '',
    issuedAt: r.issuedAt,
    issuedByName: names.issuedByName ?? '',
    acknowledgedAt: r.acknowledgedAt,
    acknowledgedByName: names.acknowledgedByName,
  }));
  const current = receipts.filter((r) => r.revision === doc.effectiveRevision);
  return {
    revision: doc.effectiveRevision,
    total: current.length,
    acknowledged: current.filter((r) => r.acknowledgedAt).length,
    pending: current.filter((r) => !r.acknowledgedAt).map((r) => r.recipientName),
    receipts,
  };
}
