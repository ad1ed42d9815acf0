import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, requireAccess, userIdOf } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { AppError, invalidField, versionConflict } from '../errors';
import { roles } from '../org';
import type { Workflows } from './approval.registry';
import { approvalChains, type ChainStep } from './approval.schema';
import type { ChainInput, ChainView } from './approval.contract';

export type { ChainInput, ChainView };

export const DOC_TYPE_PATTERN = /^[a-z][a-z0-9_.-]{1,63}$/;

export type ChainRow = typeof approvalChains.$inferSelect;

/** The chain for a document type, falling back to the organisation's 'general' chain. */
export async function findChainFor(db: Db, orgId: string, docType: string): Promise<ChainRow | undefined> {
  const rows = await db
    .select()
    .from(approvalChains)
    .where(and(eq(approvalChains.orgId, orgId), inArray(approvalChains.docType, [docType, 'general'])));
  return rows.find((r) => r.docType === docType) ?? rows.find((r) => r.docType === 'general');
}

export async function findApprovalChains(db: Db, workflows: Workflows, actor: Actor): Promise<ChainView[]> {
  requireAccess(actor, 'document.read');
  const rows = await db.select().from(approvalChains).where(eq(approvalChains.orgId, actor.orgId)).orderBy(asc(approvalChains.docType));
  const views: ChainView[] = rows.map((r) => ({
    docType: r.docType,
    label: workflows.documentType(r.docType).label,
    steps: r.steps,
    allowSelfApproval: r.allowSelfApproval,
    version: r.version,
    updatedAt: r.updatedAt,
  }));
  for (const t of workflows.documentTypes()) {
    if (!views.some((v) => v.docType === t.docType)) {
      views.push({ docType: t.docType, label: t.label, steps: [], allowSelfApproval: false, version: null, updatedAt: null });
    }
  }
  return views;
}

async function assertValidSteps(db: Db, orgId: string, steps: ChainStep[]): Promise<void> {
  if (steps.length === 0) throw invalidField('steps', '至少需要一个审批步骤', 'needs at least one step');
  const keys = new Set<string>();
  for (const [i, s] of steps.entries()) {
    if (!s.key.trim()) throw invalidField(`steps.${i}.key`, '步骤代码不能为空', 'is required');
    if (keys.has(s.key)) throw invalidField(`steps.${i}.key`, `步骤代码重复：${s.key}`, `duplicate step key ${s.key}`);
    keys.add(s.key);
    if (!s.nameZh.trim()) throw invalidField(`steps.${i}.nameZh`, '步骤名称不能为空', 'is required');
  }
  const codes = [...new Set(steps.map((s) => s.roleCode))];
  const found = await db
    .select({ code: roles.code })
    .from(roles)
    .where(and(eq(roles.orgId, orgId), inArray(roles.code, codes)));
  const i = steps.findIndex((s) => !found.some((f) => f.code === s.roleCode));
  if (i >= 0) throw invalidField(`steps.${i}.roleCode`, `角色不存在：${steps[i].roleCode}`, `unknown role ${steps[i].roleCode}`);
}

export async function saveApprovalChain(db: Db, workflows: Workflows, actor: Actor, docType: string, input: ChainInput, now: Date): Promise<ChainView> {
  requireAccess(actor, 'admin.policy');
  if (!DOC_TYPE_PATTERN.test(docType)) throw invalidField('docType', '文件类型代码无效', 'invalid document type code');
  const steps = input.steps.map((s) => ({ key: s.key.trim(), nameZh: s.nameZh.trim(), nameEn: s.nameEn.trim() || s.nameZh.trim(), roleCode: s.roleCode }));
  await assertValidSteps(db, actor.orgId, steps);
  const updatedBy = userIdOf(actor);
  const row = await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(approvalChains)
      .where(and(eq(approvalChains.orgId, actor.orgId), eq(approvalChains.docType, docType)));
    if (!before) {
      if (input.version !== undefined) throw versionConflict();
      const [created] = await tx
        .insert(approvalChains)
        .values({ orgId: actor.orgId, docType, steps, allowSelfApproval: input.allowSelfApproval, updatedAt: now, updatedBy })
        .returning();
      await writeAudit(tx, actor, { action: 'approval_chain.create', entity: 'approval_chain', entityId: docType, after: created });
      return created;
    }
    if (input.version === undefined) {
      throw new AppError('CONFLICT', '该文件类型已有审批流程，请刷新后修改', 'This document type already has a chain; reload and edit it', [
        { field: 'version', reason: 'required when the chain exists' },
      ]);
    }
    const [updated] = await tx
      .update(approvalChains)
      .set({ steps, allowSelfApproval: input.allowSelfApproval, updatedAt: now, updatedBy, version: sql`${approvalChains.version} + 1` })
      .where(and(eq(approvalChains.orgId, actor.orgId), eq(approvalChains.docType, docType), eq(approvalChains.version, input.version)))
      .returning();
    if (!updated) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'approval_chain.update',
      entity: 'approval_chain',
      entityId: docType,
      before: { steps: before.steps, allowSelfApproval: before.allowSelfApproval },
      after: { steps, allowSelfApproval: input.allowSelfApproval },
    });
    return updated;
  });
  return {
    docType,
    label: workflows.documentType(docType).label,
    steps: row.steps,
    allowSelfApproval: row.allowSelfApproval,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}
