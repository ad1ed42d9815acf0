import { and, eq } from 'drizzle-orm';
import type { Actor, Permission } from '#core/access';
import { getDocument, type Workflows } from '#core/approval';
import { loadActor } from '#core/auth';
import type { Db } from '#core/db';
import { addDepartment, addPerson, roles } from '#core/org';
import { TEST_PASSWORD } from '#test-support';
import { prodWorkshops } from '../master/index';
import { createPlan, savePlanLines, submitPlan } from '../plan/index';
import { type TestPlant, workingDayQuantities } from './plant.fixture';

// What the shop-floor and requisition plants add to the small plant: roles with the codes the
// presets name, people holding them, packing's own department and a submitted wine plan.

/** Adds these roles to the plant's organisation, each named by its code unless `nameZh` names it. */
export async function addPlantRoles(db: Db, p: TestPlant, permissionsByRole: Record<string, Permission[]>, nameZh: Record<string, string> = {}) {
  for (const [code, permissions] of Object.entries(permissionsByRole))
    await db.insert(roles).values({ orgId: p.orgId, code, nameZh: nameZh[code] ?? code, nameEn: code, permissions });
}

/** Gives the packing workshop a department of its own (包装车间), so it has a director; its id. */
export async function packingDepartment(db: Db, p: TestPlant): Promise<string> {
  const pack = await addDepartment(db, p.system, { name: '包装车间', kind: 'workshop' });
  await db
    .update(prodWorkshops)
    .set({ departmentId: pack.id })
    .where(and(eq(prodWorkshops.orgId, p.orgId), eq(prodWorkshops.id, p.workshops.pack)));
  return pack.id;
}

/** Makes people of the plant, each holding one role in a department; their usernames start with `prefix`. */
export function plantPersonMaker(db: Db, p: TestPlant, prefix: string) {
  let n = 0;
  return async (role: string, departmentId: string | undefined, displayName: string): Promise<Actor> => {
    const created = await addPerson(db, p.system, {
      username: `${prefix}${++n}${Math.random().toString(16).slice(2, 8)}`,
      displayName,
      password: TEST_PASSWORD,
      departmentId: departmentId ?? null,
      roles: [role],
    });
    return (await loadActor(db, p.orgId, created.id))!;
  };
}

/** A monthly plan of `perDay` cases of the wine each working day (Mon–Sat), submitted for approval. */
export async function submittedWinePlan(db: Db, workflows: Workflows, p: TestPlant, month: string, perDay: number, now: Date) {
  const plan = await createPlan(db, workflows, p.planner, { kind: 'monthly', month }, now);
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const firstWeekday = new Date(`${month}-01T00:00:00Z`).getUTCDay() || 7;
  const quantities = workingDayQuantities(days, firstWeekday, perDay);
  await savePlanLines(
    db,
    p.planner,
    plan.id,
    { version: plan.version, lines: [{ itemId: p.items.wine, forecastQty: quantities.reduce((a, b) => a + b, 0), quantities }] },
    now,
  );
  const doc = await getDocument(db, workflows, p.planner, plan.documentId!);
  await submitPlan(db, workflows, p.planner, plan.id, { version: doc.version }, now);
  return plan;
}
