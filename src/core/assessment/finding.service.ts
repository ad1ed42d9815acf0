import { and, eq } from 'drizzle-orm';
import type { Actor } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { type Evidence, findingEvents, findings } from './assessment.schema';

export interface FindingInput {
  /** Stable code of the rule, e.g. 'production.plan.late-issue'. */
  ruleCode: string;
  /** The clause the rule comes from, as users read it: 'T2 七.1' or '第二十一条'. */
  clause: string;
  /** Requirement ID from REQUIREMENTS.md, e.g. 'PP-27'. */
  requirementId?: string;
  subjectUserId?: string | null;
  subjectDepartmentId?: string | null;
  subjectLabel: string;
  /** The period the finding is about, e.g. '2026-03' or '2025-2026'. */
  period?: string;
  /** 'penalty' | 'unqualified' | 'qualified' | 'commendation' | 'missed-deadline' | … */
  verdict: string;
  amount?: number | null;
  summary: { zh: string; en: string };
  evidence: Evidence[];
  /** Same key, same finding: re-running a rule never duplicates it. */
  dedupeKey?: string;
}

/** Records a finding (inside the caller's transaction). Returns undefined when it already exists. */
export async function recordFinding(tx: Db, actor: Actor, input: FindingInput): Promise<{ id: string } | undefined> {
  const [row] = await tx
    .insert(findings)
    .values({
      orgId: actor.orgId,
      ruleCode: input.ruleCode,
      clause: input.clause,
      requirementId: input.requirementId ?? null,
      subjectUserId: input.subjectUserId ?? null,
      subjectDepartmentId: input.subjectDepartmentId ?? null,
      subjectLabel: input.subjectLabel,
      period: input.period ?? null,
      verdict: input.verdict,
      amount: input.amount ?? null,
      summaryZh: input.summary.zh,
      summaryEn: input.summary.en,
      evidence: input.evidence,
      dedupeKey: input.dedupeKey ?? null,
      createdBy: actor.userId,
    })
    .onConflictDoNothing()
    .returning({ id: findings.id });
  if (!row) return undefined;
  await tx.insert(findingEvents).values({
    orgId: actor.orgId,
    findingId: row.id,
    action: 'create',
    toState: 'open',
    actorId: actor.userId,
    actorName: actor.displayName,
    amountAfter: input.amount ?? null,
  });
  await writeAudit(tx, actor, { action: 'finding.create', entity: 'finding', entityId: row.id, after: input });
  return row;
}

export async function getFindingByKey(db: Db, orgId: string, dedupeKey: string) {
  const [row] = await db
    .select()
    .from(findings)
    .where(and(eq(findings.orgId, orgId), eq(findings.dedupeKey, dedupeKey)));
  return row;
}
