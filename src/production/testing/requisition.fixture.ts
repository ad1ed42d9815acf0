import type { Actor, Permission } from '#core/access';
import { approveDocument, getDocument, type Workflows } from '#core/approval';
import type { Db } from '#core/db';
import { addDepartment } from '#core/org';
import { createBomLine, createItem } from '../master/index';
import { confirmWeeklyPlan, deriveWeeklyPlans } from '../plan/index';
import { postStockDocument } from '../warehouse/index';
import { newPlant, type TestPlant } from './plant.fixture';
import { addPlantRoles, packingDepartment, plantPersonMaker, submittedWinePlan } from './plant-people.fixture';

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
  await addPlantRoles(db, p, ROLES, { production_head: '生产部负责人' });
  const pack = await packingDepartment(db, p);
  const store = await addDepartment(db, p.system, { name: '仓库', kind: 'department' });
  const person = plantPersonMaker(db, p, 'q');
  const fill = p.departments.get('灌装车间');
  const carton = (await createItem(db, p.planner, { code: 'X1', name: '纸箱', unit: '个', category: 'packaging', source: 'buy', leadTimeDays: 3 })).id;
  await createBomLine(db, p.planner, { parentItemId: p.items.wine, childItemId: carton, qtyPer: 1 });
  await db.transaction((tx) => postStockDocument(tx, p.system, { kind: 'receipt', purpose: 'purchase', lines: [{ itemId: carton, qty: 5000 }] }, now));
  return {
    ...p,
    carton,
    leader: await person('team_leader', fill, '吴班长'),
    fillDirector: await person('workshop_director', fill, '周主任'),
    packDirector: await person('workshop_director', pack, '郭主任'),
    head: await person('production_head', p.departments.get('生产部'), '张部长'),
    keeper: await person('warehouse', store.id, '冯库管'),
  };
}

/** A monthly plan of `perDay` cases of the wine each working day (Mon–Sat), approved by the VP. */
export async function approvedWinePlan(db: Db, workflows: Workflows, p: TestPlant, month: string, perDay: number, now: Date) {
  const plan = await submittedWinePlan(db, workflows, p, month, perDay, now);
  const doc = await getDocument(db, workflows, p.planner, plan.documentId!);
  await approveDocument(db, workflows, p.vp, plan.documentId!, { version: doc.version, opinion: '同意' }, now);
  return plan;
}

/** The filling workshop's weekly plan for the week of `weekOf`, derived from the monthly plan and confirmed. */
export async function confirmedFillingWeek(db: Db, workflows: Workflows, p: TestPlant, monthlyPlanId: string, weekOf: string, now: Date) {
  const weekly = await deriveWeeklyPlans(db, workflows, p.planner, monthlyPlanId, weekOf, now);
  const fill = weekly.find((w) => w.workshopId === p.workshops.fill)!;
  return confirmWeeklyPlan(db, p.planner, fill.id, fill.version, now);
}
