import { and, asc, eq } from 'drizzle-orm';
import { type Actor, requireAccess } from '../access';
import type { Db } from '../db';
import { notFound } from '../errors';
import { users } from '../org';
import { documentRevisions } from './approval.schema';
import { getDocumentRow } from './document.query';
import { type DiffEntry, diffRevisions } from './revision-diff.rules';
import type { RevisionView } from './approval.contract';

export type { RevisionView };

export async function findRevisions(db: Db, actor: Actor, documentId: string): Promise<RevisionView[]> {
  requireAccess(actor, 'document.read');
  const doc = await getDocumentRow(db, actor.orgId, documentId);
  const rows = await db
    .select({ r: documentRevisions, authorName: users.displayName })
    .from(documentRevisions)
    .innerJoin(users, and(eq(users.orgId, documentRevisions.orgId), eq(users.id, documentRevisions.createdBy)))
    .where(and(eq(documentRevisions.orgId, actor.orgId), eq(documentRevisions.documentId, documentId)))
    .orderBy(asc(documentRevisions.revision));
  return rows.map(({ r, authorName }) => ({
    revision: r.revision,
    title: r.title,
    body: r.body,
    state: r.state,
    authorName,
    createdAt: r.createdAt,
    approvedAt: r.approvedAt,
    supersededAt: r.supersededAt,
    isInForce: r.revision === doc.effectiveRevision && doc.state !== 'closed',
  }));
}

export async function getRevision(db: Db, actor: Actor, documentId: string, revision: number): Promise<RevisionView> {
  const found = (await findRevisions(db, actor, documentId)).find((r) => r.revision === revision);
  if (!found) throw notFound(`第 ${revision} 版`, `Revision ${revision}`);
  return found;
}

export interface RevisionDiff {
  from: number;
  to: number;
  changes: DiffEntry[];
}

/** What changed between two revisions (title and body), for the revisions tab. */
export async function diffDocumentRevisions(db: Db, actor: Actor, documentId: string, from: number, to: number): Promise<RevisionDiff> {
  const all = await findRevisions(db, actor, documentId);
  const a = all.find((r) => r.revision === from);
  const b = all.find((r) => r.revision === to);
  if (!a) throw notFound(`第 ${from} 版`, `Revision ${from}`);
  if (!b) throw notFound(`第 ${to} 版`, `Revision ${to}`);
  return { from, to, changes: diffRevisions({ title: a.title, body: a.body }, { title: b.title, body: b.body }) };
}
