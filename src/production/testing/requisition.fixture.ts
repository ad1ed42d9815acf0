import { and, eq } from 'drizzle-orm';
import type { Actor, Permission } from '#core/access';
import { approveDocument, getDocument, type Workflows } from '#core/approval';
import { loadActor } from '#core/auth';
import type { Db } from '#core/db';
import { addDepartment, addPerson, roles } from '#core/org';
import { TEST_PASSWORD } from '#test-support';
import { createBomLine, createItem, prodWorkshops } from '../master/index';
import { confirmWeeklyPlan, createPlan, deriveWeeklyPlans, savePlanLines, submitPlan } from '../plan/index';
import { postStockDocument } from '../warehouse/index';
import { newPlant, type TestPlant, workingDayQuantities } from './plant.fixture';

// The small plant with the people of a requisition (PP-17): the team leader and director of
// filling, packing's own director, the production head (the T4 presets' above-norm approver)
// and the warehouse keeper. Packing draws the cartons; filling the base wine, bottles, corks.

const READ: Permission[] = ['production.read', 'document.read'];
const ROLES: Record<string, Permission[]> = {
  workshop_director: [...READ, 'document.write', 'approval.act', 'production.requisition.write', 'production.requisition.approve'],
  team_leader: [...READ, 'production.requisition.write'],
  production_head: [...READ, 'document.write', 'approval.act', 'production.plan.write'],
  warehouse: [...READ, 'production.stock.write'],
};

export interface RequisitionPlant extends TestPlant {
  leader: Actor;
  fillDirector: Actor;
  packDirector: Actor;
  head: Actor;
  keeper: Actor;
  carton: string;
}

export async function newRequisitionPlant(db: Db, workflows: Workflows, now: Date): Promise<RequisitionPlant> {
  const p = await newPlant(db, workflows, now);
  for (const [code, permissions] of Object.entries(ROLES))
    await db.insert(roles).values({ orgId: p.orgId, code, nameZh: code === 'production_head' ? '生产部负责人' : code, nameEn: code, permissions });
  const pack = await addDepartment(db, p.system, { name: '包装车间', kind: 'workshop' });
  const store = await addDepartment(db, p.system, { name: '仓库', kind: 'department' });
  await db
    .update(prodWorkshops)
    .set({ departmentId: pack.id })
    .where(and(eq(prodWorkshops.orgId, p.orgId), eq(prodWorkshops.id, p.workshops.pack)));
  let n = 0;
  const person = async (role: string, departmentId: string | undefined, displayName: string) => {
    const created = await addPerson(db, p.system, {
      username: `q${++n}${Math.random().toString(16).slice(2, 8)}`,
      displayName,
      password: TEST_PASSWORD,
      departmentId: departmentId ?? null,
      roles: [role],
    });
    return (await loadActor(db, p.orgId, created.id))!;
  };
  const fill = p.departments.get('灌装车间');
  const carton = (await createItem(db, p.planner, { code: 'X1', name: '纸箱', unit: '个', category: 'packaging', source: 'buy', leadTimeDays: 3 })).id;
  await createBomLine(db, p.planner, { parentItemId: p.items.wine, childItemId: carton, qtyPer: 1 });
  await db.transaction((tx) => postStockDocument(tx, p.system, { kind: 'receipt', purpose: 'purchase', lines: [{ itemId: carton, qty: 5000 }] }, now));
  return {
    ...p,
    carton,
    leader: await person('team_leader', fill, '吴班长'),
    fillDirector: await person('workshop_director', fill, '周主任'),
    packDirector: await person('workshop_director', pack.id, '郭主任'),
    head: await person('production_head', p.departments.get('生产部'), '张部长'),
    keeper: await person('warehouse', store.id, '冯库管'),
  };
}

/** A monthly plan of `perDay` cases of the wine each working day (Mon–Sat), approved by the VP. */
export async function approvedWinePlan(db: Db, workflows: Workflows, p: TestPlant, month: string, perDay: number, now: Date) {
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
  let doc = await getDocument(db, workflows, p.planner, plan.documentId!);
  await submitPlan(db, workflows, p.planner, plan.id, { version: doc.version }, now);
  doc = await getDocument(db, workflows, p.planner, plan.documentId!);
  await approveDocument(db, workflows, p.vp, plan.documentId!, { version: doc.version, opinion: '同意' }, now);
  return plan;
}

/** The filling workshop's weekly plan for the week of `weekOf`, derived from the monthly plan and confirmed. */
export async function confirmedFillingWeek(db: Db, workflows: Workflows, p: TestPlant, monthlyPlanId: string, weekOf: string, now: Date) {
  const weekly = await deriveWeeklyPlans(db, workflows, p.planner, monthlyPlanId, weekOf, now);
  const fill = weekly.find((w) => w.workshopId === p.workshops.fill)!;
  return confirmWeeklyPlan(db, p.planner, fill.id, fill.version, now);
}
