import { and, eq } from 'drizzle-orm';
import type { Actor, Permission } from '#core/access';
import { approveDocument, getDocument, issueDocument, type Workflows } from '#core/approval';
import type { Db } from '#core/db';
import { users } from '#core/org';
import { newPerson } from '#test-support';
import { addMonths, daysFrom, monthEnd, monthStart } from '../common/index';
import { createPlan, getPlanView, savePlanLines, submitPlan } from '../plan/index';
import type { TestPlant } from './plant.fixture';
import { isoWeekday } from '#core/calendar';

// The people and the issued plan that execution tests (daily reports, completion, penalties)
// start from.

export interface ExecutionPeople {
  /** Production head: writes plans and may report for any workshop. */
  head: Actor;
  /** Team leader of the filling workshop (灌装车间). */
  lead: Actor;
  /** Director of the filling workshop: reports and writes documents. */
  director: Actor;
  /** Reads production, writes nothing. */
  reader: Actor;
}

async function inDepartment(db: Db, p: TestPlant, permissions: Permission[], department: string): Promise<Actor> {
  const actor = await newPerson(db, p.orgId, permissions);
  await db
    .update(users)
    .set({ departmentId: p.departments.get(department)! })
    .where(and(eq(users.orgId, p.orgId), eq(users.id, actor.userId)));
  return actor;
}

export async function newExecutionPeople(db: Db, p: TestPlant): Promise<ExecutionPeople> {
  return {
    head: await inDepartment(
      db,
      p,
      ['production.read', 'production.plan.write', 'production.report.write', 'document.read', 'document.write', 'approval.act', 'assessment.read'],
      '生产部',
    ),
    lead: await inDepartment(db, p, ['production.read', 'production.report.write', 'document.read'], '灌装车间'),
    director: await inDepartment(db, p, ['production.read', 'production.report.write', 'document.read', 'document.write', 'approval.act'], '灌装车间'),
    reader: await newPerson(db, p.orgId, ['production.read']),
  };
}

/** The wine planned `perDay` cases on every Monday to Saturday of the month, approved and issued. */
export async function issueMonthlyPlan(db: Db, workflows: Workflows, p: TestPlant, month: string, perDay: number, now: Date) {
  const plan = await createPlan(db, workflows, p.planner, { kind: 'monthly', month }, now);
  const quantities = daysFrom(monthStart(month), monthEnd(month)).map((d) => (isoWeekday(d) === 7 ? 0 : perDay));
  await savePlanLines(db, p.planner, plan.id, { version: plan.version, lines: [{ itemId: p.items.wine, quantities }] }, now);
  const view = await getPlanView(db, workflows, p.planner, plan.id);
  let doc = await getDocument(db, workflows, p.planner, view.documentId!);
  await submitPlan(db, workflows, p.planner, plan.id, { version: doc.version }, now);
  doc = await approveDocument(db, workflows, p.vp, doc.id, { version: (await getDocument(db, workflows, p.vp, doc.id)).version }, now);
  await issueDocument(db, workflows, p.planner, doc.id, { version: doc.version, departmentIds: [p.departments.get('灌装车间')!] }, now);
  return { planId: plan.id, documentId: doc.id, number: doc.number, previous: addMonths(month, -1) };
}
