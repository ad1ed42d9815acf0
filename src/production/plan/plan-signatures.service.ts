import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { findDocumentSignatures, resolveSignatures, type SignatureSlot } from '#core/approval';
import type { Db } from '#core/db';
import { users } from '#core/org';
import { getPolicy } from '#core/policy';
import type { PlanSignatures } from './plan-signatures.contract';
import { findPlanDocument, getPlanRow } from './plan.query';

/**
 * Issue 14 item 11: who signed the plan being printed. A plan with a document: the author's
 * submission and each step's decision of the current revision (approval engine). A weekly
 * workshop plan has no chain: the planner who derived it and the workshop's confirmation.
 */
export async function getPlanSignatures(db: Db, actor: Actor, planId: string): Promise<PlanSignatures> {
  requireAccess(actor, 'production.read');
  const plan = await getPlanRow(db, actor.orgId, planId);
  const offset = (await getPolicy(db, actor.orgId)).calendar.utcOffsetMinutes;
  const doc = await findPlanDocument(db, plan);
  if (doc) {
    return { planId: plan.id, number: doc.number, revision: doc.revision, lines: await findDocumentSignatures(db, actor.orgId, doc.id, offset) };
  }
  const ids = [plan.createdBy, ...(plan.confirmedBy ? [plan.confirmedBy] : [])];
  const names = new Map(
    (
      await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(and(eq(users.orgId, actor.orgId), inArray(users.id, ids)))
    ).map((u) => [u.id, u.name]),
  );
  const slots: SignatureSlot[] = [
    {
      key: 'prepared',
      label: { zh: '编制（生产部）', en: 'Prepared (production)' },
      roleCode: null,
      decision: 'prepared',
      actorId: plan.createdBy,
      actorName: names.get(plan.createdBy) ?? null,
      at: plan.createdAt,
    },
    plan.confirmedBy && plan.confirmedAt
      ? {
          key: 'confirmed',
          label: { zh: '车间确认', en: 'Confirmed (workshop)' },
          roleCode: null,
          decision: 'confirmed',
          actorId: plan.confirmedBy,
          actorName: names.get(plan.confirmedBy) ?? null,
          at: plan.confirmedAt,
        }
      : { key: 'confirmed', label: { zh: '车间确认', en: 'Confirmed (workshop)' }, roleCode: null, decision: null, actorId: null, actorName: null, at: null },
  ];
  return { planId: plan.id, number: null, revision: null, lines: await resolveSignatures(db, actor.orgId, slots, offset) };
}
