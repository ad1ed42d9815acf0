import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { roles, userRoles } from '../org';
import { findChainFor } from './approval-chain.service';
import { approvalActions } from './approval.schema';
import { getDocumentRow } from './document.query';
import { formatOrgTime, type SignatureDecision, type SignatureSlot, signatureSlots } from './signature.rules';

type Text = { zh: string; en: string };

/** A filled (or blank) signature line of a printed document (issue 14 item 11). */
export interface SignatureLine {
  key: string;
  label: Text;
  /** The role signed in: the chain step's role, or the author's roles for the author's line. */
  role: Text | null;
  decision: SignatureDecision | null;
  actorName: string | null;
  at: Date | null;
  /** `at` on the organisation's wall clock, 'YYYY-MM-DD HH:mm'. */
  atLocal: string | null;
}

/** Role names for the slots: the step's role, else the roles the signer holds. */
export async function resolveSignatures(db: Db, orgId: string, slots: readonly SignatureSlot[], utcOffsetMinutes: number): Promise<SignatureLine[]> {
  const codes = new Set(slots.flatMap((s) => (s.roleCode ? [s.roleCode] : [])));
  const userIds = [...new Set(slots.flatMap((s) => (!s.roleCode && s.actorId ? [s.actorId] : [])))];
  const held = userIds.length
    ? await db
        .select({ userId: userRoles.userId, code: userRoles.roleCode })
        .from(userRoles)
        .where(and(eq(userRoles.orgId, orgId), inArray(userRoles.userId, userIds)))
        .orderBy(asc(userRoles.roleCode))
    : [];
  for (const h of held) codes.add(h.code);
  const names = codes.size
    ? new Map(
        (
          await db
            .select({ code: roles.code, zh: roles.nameZh, en: roles.nameEn })
            .from(roles)
            .where(and(eq(roles.orgId, orgId), inArray(roles.code, [...codes])))
        ).map((r) => [r.code, { zh: r.zh, en: r.en }]),
      )
    : new Map<string, Text>();
  const roleOf = (s: SignatureSlot): Text | null => {
    if (s.roleCode) return names.get(s.roleCode) ?? null;
    const mine = held.filter((h) => h.userId === s.actorId).flatMap((h) => (names.has(h.code) ? [names.get(h.code)!] : []));
    return mine.length ? { zh: mine.map((m) => m.zh).join('、'), en: mine.map((m) => m.en).join(', ') } : null;
  };
  return slots.map((s) => ({
    key: s.key,
    label: s.label,
    role: roleOf(s),
    decision: s.decision,
    actorName: s.actorName,
    at: s.at,
    atLocal: s.at ? formatOrgTime(s.at, utcOffsetMinutes) : null,
  }));
}

/**
 * The signature lines of a document's current revision from its approval records. No access
 * check here: the module printing the document checks its own read permission first.
 */
export async function findDocumentSignatures(db: Db, orgId: string, documentId: string, utcOffsetMinutes: number): Promise<SignatureLine[]> {
  const doc = await getDocumentRow(db, orgId, documentId);
  const steps = doc.chainSteps ?? (await findChainFor(db, orgId, doc.docType))?.steps ?? [];
  const actions = await db
    .select({
      seq: approvalActions.seq,
      revision: approvalActions.revision,
      action: approvalActions.action,
      stepIndex: approvalActions.stepIndex,
      actorId: approvalActions.actorId,
      actorName: approvalActions.actorName,
      at: approvalActions.at,
    })
    .from(approvalActions)
    .where(and(eq(approvalActions.orgId, orgId), eq(approvalActions.documentId, documentId), eq(approvalActions.revision, doc.revision)));
  return resolveSignatures(db, orgId, signatureSlots(steps, actions, doc.revision), utcOffsetMinutes);
}
