import { and, eq, isNull, or } from 'drizzle-orm';
import type { Actor } from '../access';
import type { Db } from '../db';
import { users } from '../org';
import { type DocumentRow, documentReceipts } from './approval.schema';

export async function findMyDepartmentId(db: Db, actor: Actor): Promise<string | null> {
  const [me] = await db
    .select({ departmentId: users.departmentId })
    .from(users)
    .where(and(eq(users.orgId, actor.orgId), eq(users.id, actor.userId)));
  return me?.departmentId ?? null;
}

/** A receipt is the actor's to acknowledge when it names them or their department. */
export function receiptIsFor(actor: Actor, departmentId: string | null) {
  const mine = eq(documentReceipts.userId, actor.userId);
  return departmentId ? or(mine, eq(documentReceipts.departmentId, departmentId))! : mine;
}

/** Open receipts of the revision in force that the actor can acknowledge. */
export async function findPendingReceiptsFor(db: Db, actor: Actor, doc: DocumentRow) {
  if (doc.effectiveRevision === null || doc.state === 'closed') return [];
  const departmentId = await findMyDepartmentId(db, actor);
  return db
    .select()
    .from(documentReceipts)
    .where(
      and(
        eq(documentReceipts.orgId, actor.orgId),
        eq(documentReceipts.documentId, doc.id),
        eq(documentReceipts.revision, doc.effectiveRevision),
        isNull(documentReceipts.acknowledgedAt),
        receiptIsFor(actor, departmentId),
      ),
    );
}
