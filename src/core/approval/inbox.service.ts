import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { type Actor, hasPermission } from '../access';
import type { Db } from '../db';
import { documentLink, type InboxItem, type InboxSourceDeclaration, type Workflows } from './approval.registry';
import { documentReceipts, documents } from './approval.schema';
import { findMyDepartmentId, receiptIsFor } from './receipt.query';

const iso = (d: Date | null | undefined) => (d ?? new Date(0)).toISOString();
const nameOf = (d: { number: string; title: string }) => `${d.number} ${d.title}`;

/** Documents waiting at a step whose role I hold; my own only when the chain allows it. */
async function findPendingApprovals(workflows: Workflows, db: Db, actor: Actor): Promise<InboxItem[]> {
  if (!hasPermission(actor, 'approval.act') || actor.roles.length === 0) return [];
  const rows = await db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.orgId, actor.orgId),
        eq(documents.state, 'submitted'),
        inArray(documents.waitingRole, actor.roles),
        or(ne(documents.createdBy, actor.userId), eq(documents.allowSelfApproval, true)),
      ),
    )
    .orderBy(asc(documents.updatedAt));
  return rows.map((d) => {
    const step = d.chainSteps?.[d.stepIndex ?? 0];
    return {
      kind: 'approval.pending',
      tag: { zh: '待审批', en: 'To approve' },
      id: d.id,
      title: { zh: `待审批（${step?.nameZh ?? ''}）：${nameOf(d)}`, en: `To approve (${step?.nameEn ?? ''}): ${nameOf(d)}` },
      link: documentLink(workflows, d),
      since: iso(d.updatedAt),
    };
  });
}

/** My documents that came back rejected, or are approved and wait for me to issue them. */
async function findMyReturnedDocuments(workflows: Workflows, db: Db, actor: Actor): Promise<InboxItem[]> {
  const rows = await db
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, actor.orgId), eq(documents.createdBy, actor.userId), inArray(documents.state, ['rejected', 'approved'])))
    .orderBy(asc(documents.updatedAt));
  return rows.map((d) =>
    d.state === 'rejected'
      ? {
          kind: 'approval.rejected',
          tag: { zh: '被退回', en: 'Returned' },
          id: d.id,
          title: { zh: `已退回，待修改：${nameOf(d)}`, en: `Rejected, to revise: ${nameOf(d)}` },
          link: documentLink(workflows, d),
          since: iso(d.updatedAt),
        }
      : {
          kind: 'document.to_issue',
          tag: { zh: '待发放', en: 'To issue' },
          id: d.id,
          title: { zh: `已批准，待发放：${nameOf(d)}`, en: `Approved, to issue: ${nameOf(d)}` },
          link: documentLink(workflows, d),
          since: iso(d.updatedAt),
        },
  );
}

/** Receipts of documents in force that my department (or I) have not acknowledged. */
async function findUnacknowledgedReceipts(workflows: Workflows, db: Db, actor: Actor): Promise<InboxItem[]> {
  const departmentId = await findMyDepartmentId(db, actor);
  const rows = await db
    .selectDistinctOn([documents.id], { d: documents, issuedAt: documentReceipts.issuedAt })
    .from(documentReceipts)
    .innerJoin(documents, and(eq(documents.orgId, documentReceipts.orgId), eq(documents.id, documentReceipts.documentId)))
    .where(
      and(
        eq(documentReceipts.orgId, actor.orgId),
        isNull(documentReceipts.acknowledgedAt),
        eq(documentReceipts.revision, sql`${documents.effectiveRevision}`),
        ne(documents.state, 'closed'),
        receiptIsFor(actor, departmentId),
      ),
    )
    .orderBy(documents.id);
  return rows.map(({ d, issuedAt }) => ({
    kind: 'distribution.unacknowledged',
    tag: { zh: '待签收', en: 'To acknowledge' },
    id: d.id,
    title: { zh: `待签收：${nameOf(d)}`, en: `To acknowledge: ${nameOf(d)}` },
    link: documentLink(workflows, d),
    since: iso(issuedAt),
  }));
}

/** The engine's own sources of 我的待办; links follow each document type's page. */
export const approvalInboxSources = (workflows: Workflows): InboxSourceDeclaration[] => [
  { name: 'approval.pending', find: (db, actor) => findPendingApprovals(workflows, db, actor) },
  { name: 'approval.mine', find: (db, actor) => findMyReturnedDocuments(workflows, db, actor) },
  { name: 'distribution.unacknowledged', find: (db, actor) => findUnacknowledgedReceipts(workflows, db, actor) },
];

/** 我的待办: every declared source's items, oldest first (deadlines first when given). */
export async function findInbox(db: Db, workflows: Workflows, actor: Actor): Promise<InboxItem[]> {
  const items: InboxItem[] = [];
  for (const source of [...approvalInboxSources(workflows), ...workflows.inboxSources()]) items.push(...(await source.find(db, actor)));
  return items.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.since.localeCompare(b.since));
}
