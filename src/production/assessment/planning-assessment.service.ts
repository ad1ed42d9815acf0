import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { approvalActions, documents, type TransitionEvent } from '#core/approval';
import { runAssessmentRules } from '#core/assessment';
import { localDateOf } from '#core/calendar';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { departments, users } from '#core/org';
import { localToday } from '../common/index';
import { prodItems } from '../master/index';
import { findPlanByDocument, monthlyPlanDueDates, planLink, prodPlanLines, prodPlanRequests, prodPlans } from '../plan/index';
import { type PlanIssueRecord, planLateIssueRule } from './plan-penalty.rules';

/** The issue record of each monthly, special and temporary plan (PP-27's evidence). */
async function findIssueRecords(db: Db, orgId: string, planIds?: string[]): Promise<PlanIssueRecord[]> {
  const policy = await getPolicy(db, orgId);
  const where = [eq(prodPlans.orgId, orgId), inArray(prodPlans.kind, ['monthly', 'special', 'temporary'])];
  if (planIds) where.push(inArray(prodPlans.id, planIds));
  const rows = await db
    .select({ p: prodPlans, doc: documents, departmentId: users.departmentId, departmentName: departments.name, issueDueOn: prodPlanRequests.issueDueOn })
    .from(prodPlans)
    .innerJoin(documents, and(eq(documents.orgId, prodPlans.orgId), eq(documents.id, prodPlans.documentId)))
    .innerJoin(users, and(eq(users.orgId, documents.orgId), eq(users.id, documents.createdBy)))
    .leftJoin(departments, and(eq(departments.orgId, users.orgId), eq(departments.id, users.departmentId)))
    .leftJoin(prodPlanRequests, and(eq(prodPlanRequests.orgId, prodPlans.orgId), eq(prodPlanRequests.id, prodPlans.requestId)))
    .where(and(...where));
  if (rows.length === 0) return [];
  const docIds = rows.map((r) => r.doc.id);
  const issues = await db
    .select({ documentId: approvalActions.documentId, at: approvalActions.at })
    .from(approvalActions)
    .where(and(eq(approvalActions.orgId, orgId), eq(approvalActions.action, 'issue'), inArray(approvalActions.documentId, docIds)))
    .orderBy(asc(approvalActions.at));
  const firstIssue = new Map<string, Date>();
  for (const i of issues) if (!firstIssue.has(i.documentId)) firstIssue.set(i.documentId, i.at);
  const maturity = await db
    .select({ planId: prodPlanLines.planId, isMature: prodItems.isMature })
    .from(prodPlanLines)
    .innerJoin(prodItems, and(eq(prodItems.orgId, prodPlanLines.orgId), eq(prodItems.id, prodPlanLines.itemId)))
    .where(and(eq(prodPlanLines.orgId, orgId), inArray(prodPlanLines.planId, rows.map((r) => r.p.id))));
  const out: PlanIssueRecord[] = [];
  for (const { p, doc, departmentId, departmentName, issueDueOn } of rows) {
    const dueOn = p.kind === 'monthly' ? (await monthlyPlanDueDates(db, orgId, p.periodStart.slice(0, 7))).issueOn : issueDueOn;
    if (!dueOn) continue;
    const issued = firstIssue.get(doc.id);
    const items = maturity.filter((m) => m.planId === p.id);
    out.push({
      planId: p.id,
      documentId: doc.id,
      number: doc.number,
      title: doc.title,
      kind: p.kind as PlanIssueRecord['kind'],
      dueOn,
      issuedOn: issued ? localDateOf(issued, policy.calendar.utcOffsetMinutes) : null,
      departmentId,
      departmentName: departmentName ?? '生产部',
      isImmatureOnly: items.length > 0 && items.every((m) => !m.isMature),
      link: planLink(p.id),
    });
  }
  return out;
}

/** PP-27: records a finding for every plan issued late (re-running never duplicates). */
export async function runPlanningAssessment(tx: Db, actor: Actor, now: Date, planIds?: string[]) {
  const policy = await getPolicy(tx, actor.orgId);
  const today = await localToday(tx, actor.orgId, now);
  const records = await findIssueRecords(tx, actor.orgId, planIds);
  return runAssessmentRules(tx, actor, [planLateIssueRule], { today, records }, policy.assessment);
}

export async function assessPlanning(db: Db, actor: Actor, now: Date) {
  requireAccess(actor, 'assessment.manage');
  return db.transaction((tx) => runPlanningAssessment(tx, actor, now));
}

/** When a plan is issued late, the finding follows in the same transaction. */
export async function onPlanIssuedAssess(tx: Db, actor: Actor, event: TransitionEvent): Promise<void> {
  if (event.action !== 'issue') return;
  const plan = await findPlanByDocument(tx, event.document.orgId, event.document.id);
  if (!plan) return;
  await runPlanningAssessment(tx, actor, event.document.updatedAt, [plan.id]);
}
