import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { AppError, invalidField, invalidState, versionConflict } from '../errors';
import { departments, users } from '../org';
import { DOC_TYPE_PATTERN } from './approval-chain.service';
import { documentLink, type Workflows } from './approval.registry';
import type { DocumentState } from './approval.rules';
import { approvalActions, documentCounters, documentRevisions, documents } from './approval.schema';
import { allowedActionsFor, gatherFacts, getDocumentRow } from './document.query';
import { findPendingReceiptsFor } from './receipt.query';
import type { DocumentSummary, TimelineEntry, DocumentView } from './approval.contract';

export type { DocumentSummary, TimelineEntry, DocumentView };

export interface NewDocument {
  docType: string;
  title: string;
  body?: unknown;
  departmentId?: string | null;
}

async function nextNumber(tx: Db, orgId: string, prefix: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ orgId, prefix, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.orgId, documentCounters.prefix, documentCounters.year],
      set: { lastNumber: sql`${documentCounters.lastNumber} + 1` },
    })
    .returning({ n: documentCounters.lastNumber });
  return `${prefix}-${year}-${String(row.n).padStart(4, '0')}`;
}

function cleanTitle(title: string): string {
  const t = title.trim();
  if (!t) throw invalidField('title', '标题不能为空', 'is required');
  return t;
}

export async function createDocument(db: Db, workflows: Workflows, actor: Actor, input: NewDocument, now: Date): Promise<DocumentView> {
  requireAccess(actor, 'document.write');
  if (!DOC_TYPE_PATTERN.test(input.docType)) throw invalidField('docType', '文件类型代码无效', 'invalid document type code');
  const title = cleanTitle(input.title);
  let departmentId = input.departmentId ?? null;
  if (departmentId) {
    const [d] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, actor.orgId), eq(departments.id, departmentId)));
    if (!d) throw invalidField('departmentId', '部门不存在', 'unknown department');
  } else {
    const [me] = await db
      .select({ departmentId: users.departmentId })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
    departmentId = me?.departmentId ?? null;
  }
  const body = input.body ?? {};
  const id = await db.transaction(async (tx) => {
    const number = await nextNumber(tx, actor.orgId, workflows.documentType(input.docType).numberPrefix, now.getUTCFullYear());
    const [row] = await tx
      .insert(documents)
      .values({ orgId: actor.orgId, docType: input.docType, number, title, body, createdBy: actor.userId, departmentId, createdAt: now, updatedAt: now })
      .returning();
    await tx
      .insert(documentRevisions)
      .values({ orgId: actor.orgId, documentId: row.id, revision: 1, title, body, state: 'draft', createdBy: actor.userId, createdAt: now });
    await writeAudit(tx, actor, { action: 'document.create', entity: 'document', entityId: row.id, after: { docType: row.docType, number, title, body } });
    return row.id;
  });
  return getDocument(db, workflows, actor, id);
}

export interface DocumentChange {
  version: number;
  title?: string;
  body?: unknown;
}

/** Edits the working draft; the revision snapshot follows so the draft stays readable too. */
export async function updateDocument(db: Db, workflows: Workflows, actor: Actor, id: string, change: DocumentChange, now: Date): Promise<DocumentView> {
  requireAccess(actor, 'document.write');
  const doc = await getDocumentRow(db, actor.orgId, id);
  const { facts } = await gatherFacts(db, actor, doc);
  if (!facts.isIssuer) throw new AppError('FORBIDDEN', '只有起草人或同岗位人员可以修改文件', 'Only the author or a colleague in the same role may edit');
  if (doc.version !== change.version) throw versionConflict();
  if (doc.state !== 'draft') throw invalidState('只有草稿可以修改', 'Only a draft can be edited');
  const title = change.title === undefined ? doc.title : cleanTitle(change.title);
  const body = change.body === undefined ? doc.body : change.body;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(documents)
      .set({ title, body, updatedAt: now, version: sql`${documents.version} + 1` })
      .where(and(eq(documents.orgId, actor.orgId), eq(documents.id, id), eq(documents.version, change.version)))
      .returning({ id: documents.id });
    if (!row) throw versionConflict();
    await tx
      .update(documentRevisions)
      .set({ title, body })
      .where(and(eq(documentRevisions.orgId, actor.orgId), eq(documentRevisions.documentId, id), eq(documentRevisions.revision, doc.revision)));
    await writeAudit(tx, actor, {
      action: 'document.update',
      entity: 'document',
      entityId: id,
      before: { title: doc.title, body: doc.body },
      after: { title, body },
    });
  });
  return getDocument(db, workflows, actor, id);
}

export async function getDocument(db: Db, workflows: Workflows, actor: Actor, id: string): Promise<DocumentView> {
  requireAccess(actor, 'document.read');
  const doc = await getDocumentRow(db, actor.orgId, id);
  const { steps, allowSelfApproval, facts } = await gatherFacts(db, actor, doc);
  const [author] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, doc.createdBy)));
  const [dept] = doc.departmentId
    ? await db
        .select({ name: departments.name })
        .from(departments)
        .where(and(eq(departments.orgId, actor.orgId), eq(departments.id, doc.departmentId)))
    : [];
  const timeline = await db
    .select({
      seq: approvalActions.seq,
      revision: approvalActions.revision,
      action: approvalActions.action,
      fromState: approvalActions.fromState,
      toState: approvalActions.toState,
      stepIndex: approvalActions.stepIndex,
      stepNameZh: approvalActions.stepNameZh,
      stepNameEn: approvalActions.stepNameEn,
      actorName: approvalActions.actorName,
      opinion: approvalActions.opinion,
      at: approvalActions.at,
    })
    .from(approvalActions)
    .where(and(eq(approvalActions.orgId, actor.orgId), eq(approvalActions.documentId, id)))
    .orderBy(asc(approvalActions.seq));
  const pending = await findPendingReceiptsFor(db, actor, doc);
  const type = workflows.documentType(doc.docType);
  return {
    ...summaryOf(workflows, doc, author?.name ?? ''),
    body: doc.body,
    stepIndex: doc.stepIndex,
    steps,
    allowSelfApproval,
    departmentId: doc.departmentId,
    departmentName: dept?.name ?? null,
    createdAt: doc.createdAt,
    submittedAt: doc.submittedAt,
    version: doc.version,
    isGenericEditable: type.isGenericEditable ?? false,
    allowedActions: allowedActionsFor(actor, doc, facts),
    canEdit: doc.state === 'draft' && facts.isIssuer === true && hasPermission(actor, 'document.write'),
    canAcknowledge: pending.length > 0,
    timeline,
  };
}

function summaryOf(workflows: Workflows, doc: typeof documents.$inferSelect, authorName: string): DocumentSummary {
  return {
    id: doc.id,
    docType: doc.docType,
    docTypeLabel: workflows.documentType(doc.docType).label,
    number: doc.number,
    title: doc.title,
    state: doc.state,
    revision: doc.revision,
    effectiveRevision: doc.effectiveRevision,
    waitingRole: doc.waitingRole,
    createdBy: doc.createdBy,
    authorName,
    updatedAt: doc.updatedAt,
    link: documentLink(workflows, doc),
  };
}

export interface DocumentQuery {
  docType?: string;
  state?: DocumentState;
  q?: string;
  mine?: boolean;
  limit?: number;
}

export async function findDocuments(db: Db, workflows: Workflows, actor: Actor, query: DocumentQuery): Promise<DocumentSummary[]> {
  requireAccess(actor, 'document.read');
  const where: SQL[] = [eq(documents.orgId, actor.orgId)];
  if (query.docType) where.push(eq(documents.docType, query.docType));
  if (query.state) where.push(eq(documents.state, query.state));
  if (query.mine) where.push(eq(documents.createdBy, actor.userId));
  if (query.q?.trim()) {
    const like = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(documents.title, like), ilike(documents.number, like))!);
  }
  const rows = await db
    .select({ doc: documents, authorName: users.displayName })
    .from(documents)
    .innerJoin(users, and(eq(users.orgId, documents.orgId), eq(users.id, documents.createdBy)))
    .where(and(...where))
    .orderBy(desc(documents.updatedAt), desc(documents.number))
    .limit(Math.min(query.limit ?? 200, 1000));
  return rows.map((r) => summaryOf(workflows, r.doc, r.authorName));
}
