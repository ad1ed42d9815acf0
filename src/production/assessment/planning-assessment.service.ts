import { and, asc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { type Actor, requireAccess, systemActor } from '#core/access';
import { approvalActions, documents, type TransitionEvent } from '#core/approval';
import { runAssessmentRules } from '#core/assessment';
import { deadlines, localDateOf, orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { departments, users } from '#core/org';
import { prodItems } from '../master/index';
import { findPlanByDocument, monthlyPlanDueDates, planLink, prodPlanLines, prodPlanRequests, prodPlans, REQUEST_ISSUE, requestLink } from '../plan/index';
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
    .where(
      and(
        eq(prodPlanLines.orgId, orgId),
        inArray(
          prodPlanLines.planId,
          rows.map((r) => r.p.id),
        ),
      ),
    );
  const out: PlanIssueRecord[] = [];
  for (const { p, doc, departmentId, departmentName, issueDueOn } of rows) {
    const dueOn = p.kind === 'monthly' ? (await monthlyPlanDueDates(db, orgId, p.periodStart.slice(0, 7))).issueOn : issueDueOn;
    if (!dueOn) continue;
    const issued = firstIssue.get(doc.id);
    const items = maturity.filter((m) => m.planId === p.id);
    out.push({
      planId: p.id,
      documentId: doc.id,
      requestId: p.requestId,
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

/**
 * Special and temporary requests still without a plan (issue 14 item 4): the planner who owns
 * the issue deadline answers for them. One answered in writing as infeasible (T2 五.2–3) is
 * not owed a plan.
 */
async function findUnplannedRequestRecords(db: Db, orgId: string, requestIds?: string[]): Promise<PlanIssueRecord[]> {
  const where = [eq(prodPlanRequests.orgId, orgId), isNull(prodPlanRequests.planId), eq(prodPlanRequests.state, 'received')];
  if (requestIds) where.push(inArray(prodPlanRequests.id, requestIds));
  const rows = await db
    .select({ r: prodPlanRequests, departmentId: deadlines.ownerDepartmentId, departmentName: departments.name })
    .from(prodPlanRequests)
    .leftJoin(
      deadlines,
      and(eq(deadlines.orgId, prodPlanRequests.orgId), eq(deadlines.subjectType, REQUEST_ISSUE), eq(deadlines.subjectId, sql`${prodPlanRequests.id}::text`)),
    )
    .leftJoin(departments, and(eq(departments.orgId, deadlines.orgId), eq(departments.id, deadlines.ownerDepartmentId)))
    .where(and(...where));
  if (rows.length === 0) return [];
  const items = await db
    .select({ id: prodItems.id, isMature: prodItems.isMature })
    .from(prodItems)
    .where(and(eq(prodItems.orgId, orgId), inArray(prodItems.id, [...new Set(rows.flatMap(({ r }) => r.lines.map((l) => l.itemId)))])));
  const mature = new Map(items.map((i) => [i.id, i.isMature]));
  return rows.map(({ r, departmentId, departmentName }) => ({
    planId: null,
    documentId: null,
    requestId: r.id,
    number: r.number,
    title: r.title,
    kind: r.kind,
    dueOn: r.issueDueOn,
    issuedOn: null,
    departmentId,
    departmentName: departmentName ?? '生产部',
    isImmatureOnly: r.lines.length > 0 && r.lines.every((l) => mature.get(l.itemId) === false),
    link: requestLink(r.id),
  }));
}

/** PP-27: records a finding for every plan issued late (re-running never duplicates). */
export async function runPlanningAssessment(tx: Db, actor: Actor, now: Date, planIds?: string[]) {
  const policy = await getPolicy(tx, actor.orgId);
  const today = await orgToday(tx, actor.orgId, now);
  const records = [...(await findIssueRecords(tx, actor.orgId, planIds)), ...(planIds ? [] : await findUnplannedRequestRecords(tx, actor.orgId))];
  return runAssessmentRules(tx, actor, [planLateIssueRule], { today, records }, policy.assessment);
}

/**
 * Issue 14 item 4: the scheduler's tick. A special or temporary request whose issue deadline
 * has just passed unplanned or unissued gets its finding at the deadline, not at the next
 * daily run or when someone finally issues the plan.
 */
export async function assessMissedRequestIssues(db: Db, now: Date): Promise<number> {
  const due = await db
    .select({ orgId: deadlines.orgId, requestId: deadlines.subjectId })
    .from(deadlines)
    .where(
      and(
        eq(deadlines.subjectType, REQUEST_ISSUE),
        inArray(deadlines.state, ['open', 'missed']),
        lte(deadlines.dueAt, now),
        // Only the recent ones: older ones were assessed by the daily run already.
        gt(deadlines.dueAt, new Date(now.getTime() - 3 * 86_400_000)),
        sql`not exists (select 1 from findings f where f.org_id = ${deadlines.orgId} and f.dedupe_key = 'production.plan.late-issue|request:' || ${deadlines.subjectId})`,
      ),
    )
    .limit(500);
  const byOrg = new Map<string, string[]>();
  for (const d of due) byOrg.set(d.orgId, [...(byOrg.get(d.orgId) ?? []), d.requestId]);
  let created = 0;
  for (const [orgId, requestIds] of byOrg) {
    const actor = systemActor(orgId);
    created += await db.transaction(async (tx) => {
      const policy = await getPolicy(tx, orgId);
      const today = await orgToday(tx, orgId, now);
      const planIds = (
        await tx
          .select({ id: prodPlans.id })
          .from(prodPlans)
          .where(and(eq(prodPlans.orgId, orgId), inArray(prodPlans.requestId, requestIds)))
      ).map((p) => p.id);
      const records = [...(planIds.length ? await findIssueRecords(tx, orgId, planIds) : []), ...(await findUnplannedRequestRecords(tx, orgId, requestIds))];
      return (await runAssessmentRules(tx, actor, [planLateIssueRule], { today, records }, policy.assessment)).created.length;
    });
  }
  return created;
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
