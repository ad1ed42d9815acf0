import type { Actor } from '#core/access';
import { approveDocument, getDocument, issueDocument, type Workflows } from '#core/approval';
import type { Db } from '#core/db';
import { createPlan, savePlanLines, submitPlan } from '../plan/index';
import { type TestPlant, workingDayQuantities } from './plant.fixture';

/**
 * A monthly plan of the test plant's wine, approved by the VP (so MRP has decomposed it) and
 * issued: what purchasing, the warehouse and the workshops work from. Default: April 2026,
 * 800 cases a working day (within filling capacity).
 */
export async function newIssuedPlan(
  db: Db,
  workflows: Workflows,
  p: TestPlant,
  now: Date,
  options: { month?: string; days?: number; firstWeekday?: number; perDay?: number; approvers?: Actor[] } = {},
) {
  const month = options.month ?? '2026-04';
  const plan = await createPlan(db, workflows, p.planner, { kind: 'monthly', month }, now);
  const quantities = workingDayQuantities(options.days ?? 30, options.firstWeekday ?? 3, options.perDay ?? 800);
  await savePlanLines(
    db,
    p.planner,
    plan.id,
    { version: plan.version, lines: [{ itemId: p.items.wine, forecastQty: quantities.reduce((s, q) => s + q, 0), quantities }] },
    now,
  );
  const version = async () => (await getDocument(db, workflows, p.planner, plan.documentId!)).version;
  await submitPlan(db, workflows, p.planner, plan.id, { version: await version() }, now);
  await approveDocument(db, workflows, p.vp, plan.documentId!, { version: await version(), opinion: '同意' }, now);
  // The policy's monthly plan approver may add a last step for a role someone holds (issue 14 item 7).
  for (const approver of options.approvers ?? []) {
    const doc = await getDocument(db, workflows, approver, plan.documentId!);
    const step = doc.steps[doc.stepIndex ?? 0];
    if (doc.state === 'submitted' && step && approver.roles.includes(step.roleCode))
      await approveDocument(db, workflows, approver, plan.documentId!, { version: doc.version, opinion: '同意' }, now);
  }
  await issueDocument(db, workflows, p.planner, plan.documentId!, { version: await version(), departmentIds: [p.departments.get('生产部')!] }, now);
  return plan;
}
