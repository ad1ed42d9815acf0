import { and, desc, eq, inArray } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import {
  actOnDocument,
  createDocument,
  type DocumentRow,
  type DocumentTypeInfo,
  documentRevisions,
  documents,
  type GuardDeclaration,
  getDocument,
  updateDocument,
  type Workflows,
} from '#core/approval';
import type { Db } from '#core/db';
import { AppError, invalidField, notFound } from '#core/errors';
import { prodWorkshops } from '../master/index';
import {
  CreateProcessDocBody,
  type CreateProcessDocInput,
  type ProcessBody,
  type ProcessDocDetail,
  type ProcessDocSummary,
  UpdateProcessDocBody,
  type UpdateProcessDocInput,
} from './process-doc.contract';
import { docTypeOf, isProcessDocType, normaliseItems, PROCESS_DOC_TYPES, readableDiff } from './process-doc.rules';

export const processDocLink = (id: string) => `/production/process-docs/${id}`;

export const processDocumentTypes: DocumentTypeInfo[] = [
  {
    docType: PROCESS_DOC_TYPES.spec,
    label: { zh: '工艺文件（工艺大纲/操作规程）', en: 'Process specification' },
    numberPrefix: 'GYWJ',
    link: processDocLink,
    isGenericEditable: false,
  },
  {
    docType: PROCESS_DOC_TYPES.standard,
    label: { zh: '现场作业标准', en: 'Site standard' },
    numberPrefix: 'XCBZ',
    link: processDocLink,
    isGenericEditable: false,
  },
];

/** T4 第四十三条 未经批准不得擅自变动: only the process office drafts or revises them, whatever screen is used. */
const processAuthorOnly: GuardDeclaration['fn'] = async (_db, actor) =>
  hasPermission(actor, 'production.process.write')
    ? null
    : {
        zh: '工艺大纲、操作规程和现场作业标准由工艺管理部门起草和修订，车间不得擅自变动（T4 第四十三条）',
        en: 'Process documents are drafted and revised by the process office; a workshop may not change them (T4 art. 43)',
      };

export const processGuards: GuardDeclaration[] = Object.values(PROCESS_DOC_TYPES).flatMap((docType) =>
  (['submit', 'adjust'] as const).map((action) => ({ docType, action, name: 'production.process-author', fn: processAuthorOnly })),
);

async function checkBody(
  db: Db,
  orgId: string,
  input: { title: string; workshopId?: string | null; scope?: string; items: { key?: string; title: string; requirement: string }[] },
) {
  const title = input.title.trim();
  if (!title) throw invalidField('title', '请填写标题', 'a title is required');
  if (input.workshopId) {
    const [w] = await db
      .select({ id: prodWorkshops.id })
      .from(prodWorkshops)
      .where(and(eq(prodWorkshops.orgId, orgId), eq(prodWorkshops.id, input.workshopId)));
    if (!w) throw invalidField('workshopId', '车间不存在', 'unknown workshop');
  }
  const { items, issues } = normaliseItems(input.items);
  if (issues.length)
    throw new AppError(
      'VALIDATION_FAILED',
      issues.map((i) => i.zh).join('；'),
      issues.map((i) => i.en).join('; '),
      issues.map((i) => ({ field: i.field, reason: i.en })),
    );
  return { title, workshopId: input.workshopId ?? null, scope: (input.scope ?? '').trim(), items };
}

/** PP-20: a new specification or standard, in draft; it is in force once approved. */
export async function createProcessDoc(db: Db, workflows: Workflows, actor: Actor, raw: CreateProcessDocInput, now: Date): Promise<ProcessDocDetail> {
  requireAccess(actor, 'production.process.write');
  const input = CreateProcessDocBody.parse(raw);
  const { title, ...rest } = await checkBody(db, actor.orgId, input);
  const body: ProcessBody = { category: input.category, ...rest };
  const doc = await createDocument(db, workflows, actor, { docType: docTypeOf(input.category), title, body }, now);
  return getProcessDoc(db, workflows, actor, doc.id);
}

async function getProcessRow(db: Db, orgId: string, id: string): Promise<DocumentRow> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, orgId), eq(documents.id, id)));
  if (!row || !isProcessDocType(row.docType)) throw notFound('工艺文件', 'Process document');
  return row;
}

/** Edits the draft of a new revision; the revision in force does not change until approval. */
export async function updateProcessDraft(
  db: Db,
  workflows: Workflows,
  actor: Actor,
  id: string,
  raw: UpdateProcessDocInput,
  now: Date,
): Promise<ProcessDocDetail> {
  requireAccess(actor, 'production.process.write');
  const input = UpdateProcessDocBody.parse(raw);
  const row = await getProcessRow(db, actor.orgId, id);
  const { title, ...rest } = await checkBody(db, actor.orgId, input);
  const body: ProcessBody = { category: (row.body as ProcessBody).category, ...rest };
  await updateDocument(db, workflows, actor, id, { version: input.version, title, body }, now);
  return getProcessDoc(db, workflows, actor, id);
}

/** Submit a draft, or start a new revision (CORE-4 adjustment) of one in force. */
export async function actOnProcessDoc(
  db: Db,
  workflows: Workflows,
  actor: Actor,
  id: string,
  action: 'submit' | 'adjust',
  input: { version: number; opinion?: string | null },
  now: Date,
) {
  requireAccess(actor, 'production.process.write');
  await getProcessRow(db, actor.orgId, id);
  await actOnDocument(db, workflows, actor, id, action, input, now);
  return getProcessDoc(db, workflows, actor, id);
}

function summaryOf(row: DocumentRow, workshops: Map<string, string>): ProcessDocSummary {
  const body = row.body as ProcessBody;
  return {
    id: row.id,
    number: row.number,
    docType: row.docType,
    category: body.category,
    title: row.title,
    workshopId: body.workshopId,
    workshopName: body.workshopId ? (workshops.get(body.workshopId) ?? null) : null,
    state: row.state,
    revision: row.revision,
    effectiveRevision: row.effectiveRevision,
    hasPendingRevision: row.effectiveRevision !== null && row.revision !== row.effectiveRevision && row.state !== 'closed',
    waitingRole: row.waitingRole,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function workshopNames(db: Db, orgId: string) {
  return new Map(
    (await db.select({ id: prodWorkshops.id, name: prodWorkshops.name }).from(prodWorkshops).where(eq(prodWorkshops.orgId, orgId))).map((w) => [w.id, w.name]),
  );
}

/** The specifications and standards, optionally those that apply to one workshop (its own and the plant-wide ones). */
export async function findProcessDocs(db: Db, actor: Actor, filter: { workshopId?: string }): Promise<ProcessDocSummary[]> {
  requireAccess(actor, 'production.read');
  const rows = await db
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, actor.orgId), inArray(documents.docType, Object.values(PROCESS_DOC_TYPES))))
    .orderBy(desc(documents.updatedAt))
    .limit(500);
  const names = await workshopNames(db, actor.orgId);
  return rows.map((r) => summaryOf(r, names)).filter((s) => !filter.workshopId || s.workshopId === null || s.workshopId === filter.workshopId);
}

/**
 * What the shop floor reads: the revision in force of every specification and standard that
 * applies to the workshop — never a draft or a revision waiting for approval.
 */
export async function findDocsInForce(db: Db, orgId: string, workshopId: string | null) {
  const rows = await db
    .select({ d: documents, r: documentRevisions })
    .from(documents)
    .innerJoin(
      documentRevisions,
      and(
        eq(documentRevisions.orgId, documents.orgId),
        eq(documentRevisions.documentId, documents.id),
        eq(documentRevisions.revision, documents.effectiveRevision),
      ),
    )
    .where(and(eq(documents.orgId, orgId), inArray(documents.docType, Object.values(PROCESS_DOC_TYPES))));
  return rows
    .filter(({ d }) => d.state !== 'closed')
    .map(({ d, r }) => ({ id: d.id, number: d.number, revision: r.revision, title: r.title, body: r.body as ProcessBody }))
    .filter((x) => workshopId === null || x.body.workshopId === null || x.body.workshopId === workshopId);
}

export async function getProcessDoc(db: Db, workflows: Workflows, actor: Actor, id: string): Promise<ProcessDocDetail> {
  requireAccess(actor, 'production.read');
  const row = await getProcessRow(db, actor.orgId, id);
  const view = await getDocument(db, workflows, actor, id);
  const revisions = await db
    .select()
    .from(documentRevisions)
    .where(and(eq(documentRevisions.orgId, actor.orgId), eq(documentRevisions.documentId, id)));
  const asRevision = (revision: number | null) => {
    const r = revisions.find((x) => x.revision === revision);
    return r ? { revision: r.revision, title: r.title, body: r.body as ProcessBody, state: r.state, approvedAt: r.approvedAt?.toISOString() ?? null } : null;
  };
  const working = asRevision(row.revision)!;
  const inForce = row.state === 'closed' ? null : asRevision(row.effectiveRevision);
  const diff =
    inForce && inForce.revision !== working.revision
      ? readableDiff({ title: inForce.title, body: inForce.body }, { title: working.title, body: working.body })
      : [];
  return {
    ...summaryOf(row, await workshopNames(db, actor.orgId)),
    version: row.version,
    inForce,
    working,
    diff,
    steps: view.steps,
    stepIndex: view.stepIndex,
    timeline: view.timeline.map((t) => ({
      revision: t.revision,
      action: t.action,
      actorName: t.actorName,
      stepNameZh: t.stepNameZh,
      stepNameEn: t.stepNameEn,
      opinion: t.opinion,
      at: t.at.toISOString(),
    })),
    allowedActions: view.allowedActions.filter((a) => a !== 'issue' && a !== 'close'),
    canEdit: view.canEdit && hasPermission(actor, 'production.process.write'),
  };
}
