import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, hasPermission, type Permission } from '../access';
import type { Db } from '../db';
import { notFound } from '../errors';
import { userRoles } from '../org';
import { findChainFor } from './approval-chain.service';
import { type DocumentAction, findAllowedActions, type TransitionFacts } from './approval.rules';
import { type ChainStep, type DocumentRow, documents } from './approval.schema';

export const ACTION_PERMISSION: Record<DocumentAction, Permission> = {
  submit: 'document.write',
  withdraw: 'document.write',
  revise: 'document.write',
  issue: 'document.write',
  close: 'document.write',
  adjust: 'document.write',
  approve: 'approval.act',
  reject: 'approval.act',
};

/** Another organisation's document is simply not found (never "forbidden"). */
export async function getDocumentRow(db: Db, orgId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<DocumentRow> {
  const q = db
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, orgId), eq(documents.id, id)));
  const [row] = options.forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('文件', 'Document');
  return row;
}

async function sharesRoleWithAuthor(db: Db, actor: Actor, authorId: string): Promise<boolean> {
  if (actor.roles.length === 0) return false;
  const [row] = await db
    .select({ code: userRoles.roleCode })
    .from(userRoles)
    .where(and(eq(userRoles.orgId, actor.orgId), eq(userRoles.userId, authorId), inArray(userRoles.roleCode, actor.roles)))
    .limit(1);
  return !!row;
}

export interface DocumentFacts {
  /** The submission's snapshot while submitted; the chain in force otherwise. */
  steps: ChainStep[];
  allowSelfApproval: boolean;
  facts: TransitionFacts;
}

export async function gatherFacts(db: Db, actor: Actor, doc: DocumentRow): Promise<DocumentFacts> {
  let steps: ChainStep[];
  let allowSelfApproval: boolean;
  if (doc.state === 'submitted' && doc.chainSteps) {
    steps = doc.chainSteps;
    allowSelfApproval = doc.allowSelfApproval;
  } else {
    const chain = await findChainFor(db, doc.orgId, doc.docType);
    steps = chain?.steps ?? [];
    allowSelfApproval = chain?.allowSelfApproval ?? false;
  }
  const isAuthor = doc.createdBy === actor.userId;
  const current = doc.stepIndex === null ? undefined : steps[doc.stepIndex];
  const hasStepRole = !!current && actor.roles.includes(current.roleCode);
  const isIssuer = isAuthor || (hasPermission(actor, 'document.write') && (await sharesRoleWithAuthor(db, actor, doc.createdBy)));
  return {
    steps,
    allowSelfApproval,
    facts: { stepIndex: doc.stepIndex, stepCount: steps.length, isAuthor, hasStepRole, allowSelfApproval, isIssuer },
  };
}

/** What the viewer may do now: the workflow's answer, narrowed by their permissions. */
export function allowedActionsFor(actor: Actor, doc: DocumentRow, facts: TransitionFacts): DocumentAction[] {
  return findAllowedActions(doc.state, facts).filter((a) => hasPermission(actor, ACTION_PERMISSION[a]));
}
