import type { Actor, Permission } from '#core/access';
import { saveApprovalChain, type Workflows } from '#core/approval';
import type { Db } from '#core/db';
import { newOrg, newPerson } from '#test-support';
import { and, eq } from 'drizzle-orm';
import { departments as departmentTable, users } from '#core/org';
import { createBomLine, createItem, createWorkshop, saveRouting } from '../master/index';
import { postStockDocument } from '../warehouse/index';

// A small plant for service and API tests: a wine in cases made from base wine (made in
// brewing), bottles and corks (bought); filling the working day before packing.

const PLANNER: Permission[] = [
  'production.read',
  'production.plan.write',
  'production.master.write',
  'production.demand.write',
  'production.stock.write',
  'document.read',
  'document.write',
  'excel.import',
  'meeting.read',
  'meeting.manage',
  'assessment.read',
];
const LEADER: Permission[] = ['production.read', 'production.plan.approve', 'document.read', 'approval.act', 'assessment.read', 'assessment.manage'];
const MARKET: Permission[] = ['production.read', 'production.demand.write', 'document.read', 'document.write', 'approval.act'];

export interface TestPlant {
  orgId: string;
  system: Actor;
  planner: Actor;
  market: Actor;
  vp: Actor;
  gm: Actor;
  reviewer: Actor;
  items: { wine: string; base: string; bottle: string; cork: string };
  workshops: { brew: string; fill: string; pack: string };
  departments: Map<string, string>;
}

export async function newPlant(db: Db, workflows: Workflows, now: Date): Promise<TestPlant> {
  const { org, departments, system } = await newOrg(db);
  const planner = await newPerson(db, org.id, PLANNER);
  const market = await newPerson(db, org.id, MARKET);
  const vp = await newPerson(db, org.id, LEADER);
  const gm = await newPerson(db, org.id, LEADER);
  const reviewer = await newPerson(db, org.id, ['production.read', 'approval.act', 'document.read']);
  const step = (a: Actor, key: string) => ({ key, nameZh: key, nameEn: key, roleCode: a.roles[0] });
  for (const [docType, steps] of Object.entries({
    'production.monthly_plan': [step(vp, 'vp')],
    'production.annual_plan': [step(vp, 'vp'), step(gm, 'gm')],
    'production.quarterly_plan': [step(vp, 'vp')],
    'production.special_plan': [step(vp, 'vp')],
    'production.temporary_plan': [step(vp, 'vp')],
    'production.sales_plan': [step(gm, 'gm')],
    'production.order_review': [step(gm, 'gm')],
  })) {
    await saveApprovalChain(db, workflows, system, docType, { steps, allowSelfApproval: false }, now);
  }
  const departmentIds = new Map(departments.map((d) => [d.name, d.id]));
  // The joint review's parties speak from their own departments (issue 14 item 6).
  for (const [name, who] of [
    ['质量部', reviewer],
    ['市场部', market],
  ] as const) {
    const [d] = await db.insert(departmentTable).values({ orgId: org.id, name, kind: 'department' }).returning();
    departmentIds.set(name, d.id);
    await db
      .update(users)
      .set({ departmentId: d.id })
      .where(and(eq(users.orgId, org.id), eq(users.id, who.userId)));
  }
  await db
    .update(users)
    .set({ departmentId: departmentIds.get('生产部')! })
    .where(and(eq(users.orgId, org.id), eq(users.id, planner.userId)));
  // Someone signs for the filling workshop: a department nobody belongs to cannot be issued to (issue 14 item 8).
  const filler = await newPerson(db, org.id, ['production.read', 'document.read']);
  await db
    .update(users)
    .set({ departmentId: departmentIds.get('灌装车间')! })
    .where(and(eq(users.orgId, org.id), eq(users.id, filler.userId)));
  const six = [1, 2, 3, 4, 5, 6];
  const brew = await createWorkshop(db, planner, { code: 'NZ', name: '酿造车间', shiftsPerDay: 2, hoursPerShift: 8, lines: 1, workingWeekdays: six });
  // 20 h a day of filling at 0.02 h a case: 1,000 cases a working day.
  const fill = await createWorkshop(db, planner, {
    code: 'GZ',
    name: '灌装车间',
    departmentId: departmentIds.get('灌装车间'),
    shiftsPerDay: 2,
    hoursPerShift: 10,
    lines: 1,
    workingWeekdays: six,
  });
  const pack = await createWorkshop(db, planner, { code: 'BZ', name: '包装车间', shiftsPerDay: 1, hoursPerShift: 10, lines: 2, workingWeekdays: six });
  const opening: { itemId: string; qty: number }[] = [];
  const item = async (
    code: string,
    name: string,
    category: 'finished' | 'semi' | 'packaging',
    source: 'make' | 'buy',
    leadTimeDays: number,
    onHand: number,
    unit: string,
  ) => {
    const row = await createItem(db, planner, { code, name, spec: code === 'W1' ? '750ml×6' : '', unit, category, source, leadTimeDays });
    if (onHand > 0) opening.push({ itemId: row.id, qty: onHand });
    return row.id;
  };
  const wine = await item('W1', '干红葡萄酒', 'finished', 'make', 1, 0, '箱');
  const base = await item('B1', '干红原酒', 'semi', 'make', 1, 20000, 'L');
  const bottle = await item('P1', '酒瓶 750ml', 'packaging', 'buy', 5, 60000, '个');
  const cork = await item('C1', '软木塞', 'packaging', 'buy', 15, 1000, '个');
  // What the warehouse holds: one opening document (期初) in the ledger (PP-16).
  await db.transaction((tx) => postStockDocument(tx, system, { kind: 'opening', purpose: 'opening', lines: opening }, now));
  await createBomLine(db, planner, { parentItemId: wine, childItemId: base, qtyPer: 4.5 });
  await createBomLine(db, planner, { parentItemId: wine, childItemId: bottle, qtyPer: 6 });
  await createBomLine(db, planner, { parentItemId: wine, childItemId: cork, qtyPer: 6 });
  await saveRouting(db, planner, wine, {
    versions: {},
    ops: [
      { seq: 10, workshopId: fill.id, hoursPerUnit: 0.02, offsetDays: -1 },
      { seq: 20, workshopId: pack.id, hoursPerUnit: 0.01, offsetDays: 0 },
    ],
  });
  await saveRouting(db, planner, base, { versions: {}, ops: [{ seq: 10, workshopId: brew.id, hoursPerUnit: 0.001, offsetDays: 0 }] });
  return {
    orgId: org.id,
    system,
    planner,
    market,
    vp,
    gm,
    reviewer,
    items: { wine, base, bottle, cork },
    workshops: { brew: brew.id, fill: fill.id, pack: pack.id },
    departments: departmentIds,
  };
}

/** Sets what is on hand by a stock count (盘点), as a warehouse would. */
export async function countStock(db: Db, actor: Actor, itemId: string, qty: number, now: Date) {
  return db.transaction((tx) => postStockDocument(tx, actor, { kind: 'count', purpose: 'count', lines: [{ itemId, qty }] }, now));
}

/** Quantities for a month of `days` days: `perDay` on each working day (Mon–Sat) from `first` (ISO weekday of day 1). */
export function workingDayQuantities(days: number, firstWeekday: number, perDay: number): number[] {
  return Array.from({ length: days }, (_, k) => ((firstWeekday - 1 + k) % 7 === 6 ? 0 : perDay));
}
