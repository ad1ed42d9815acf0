import { and, eq } from 'drizzle-orm';
import type { Actor, Permission } from '#core/access';
import { approvalChains, approveDocument, type ChainStep, getDocument, saveApprovalChain, type Workflows } from '#core/approval';
import { loadActor } from '#core/auth';
import type { Db } from '#core/db';
import { addDepartment, addPerson, roles } from '#core/org';
import { TEST_PASSWORD } from '#test-support';
import { prodWorkshops } from '../master/index';
import { createPlan, savePlanLines, submitPlan } from '../plan/index';
import { newPlant, type TestPlant, workingDayQuantities } from './plant.fixture';

// The small plant with the people of the shop floor, holding the role codes the presets name
// (vp_production chairs coordination meetings, gm approves customer-change adjustments).

const READ: Permission[] = ['production.read', 'document.read', 'meeting.read', 'archive.read'];
const ROLES: Record<string, Permission[]> = {
  production_head: [
    ...READ,
    'document.write',
    'approval.act',
    'meeting.manage',
    'archive.write',
    'production.plan.write',
    'production.demand.write',
    'production.exception.write',
    'production.shopfloor.write',
    'production.process.write',
  ],
  vp_production: [...READ, 'approval.act', 'meeting.manage', 'production.plan.approve'],
  gm: [...READ, 'approval.act', 'meeting.manage', 'production.plan.approve'],
  workshop_director: [
    ...READ,
    'document.write',
    'approval.act',
    'archive.write',
    'production.requisition.approve',
    'production.exception.write',
    'production.shopfloor.write',
  ],
  team_leader: [...READ, 'archive.write', 'production.exception.write', 'production.shopfloor.write'],
  operator: ['production.read', 'document.read', 'meeting.read', 'production.shopfloor.write'],
  technologist: [...READ, 'document.write', 'archive.write', 'production.process.write'],
};

export interface TestFloor extends TestPlant {
  head: Actor;
  vpRole: Actor;
  gmRole: Actor;
  fillDirector: Actor;
  leader: Actor;
  operator: Actor;
  packDirector: Actor;
  tech: Actor;
}

export async function newFloor(db: Db, workflows: Workflows, now: Date): Promise<TestFloor> {
  const p = await newPlant(db, workflows, now);
  for (const [code, permissions] of Object.entries(ROLES))
    await db.insert(roles).values({ orgId: p.orgId, code, nameZh: code === 'gm' ? '总经理' : code, nameEn: code, permissions });
  const pack = await addDepartment(db, p.system, { name: '包装车间', kind: 'workshop' });
  await db
    .update(prodWorkshops)
    .set({ departmentId: pack.id })
    .where(and(eq(prodWorkshops.orgId, p.orgId), eq(prodWorkshops.id, p.workshops.pack)));
  let n = 0;
  const person = async (role: string, departmentId: string | undefined, displayName: string) => {
    const created = await addPerson(db, p.system, {
      username: `f${++n}${Math.random().toString(16).slice(2, 8)}`,
      displayName,
      password: TEST_PASSWORD,
      departmentId: departmentId ?? null,
      roles: [role],
    });
    return (await loadActor(db, p.orgId, created.id))!;
  };
  const production = p.departments.get('生产部');
  const fill = p.departments.get('灌装车间');
  const floor: TestFloor = {
    ...p,
    head: await person('production_head', production, '张部长'),
    vpRole: await person('vp_production', production, '李副总'),
    gmRole: await person('gm', production, '王总经理'),
    fillDirector: await person('workshop_director', fill, '周主任'),
    leader: await person('team_leader', fill, '吴班长'),
    operator: await person('operator', fill, '郑师傅'),
    packDirector: await person('workshop_director', pack.id, '陈主任'),
    tech: await person('technologist', production, '工艺员'),
  };
  const step = (key: string, nameZh: string, roleCode: string): ChainStep => ({ key, nameZh, nameEn: key, roleCode });
  const chains: Record<string, ChainStep[]> = {
    'production.monthly_plan': [step('vp', '副总经理审批', 'vp_production')],
    'production.process_spec': [step('head', '生产部负责人审核', 'production_head'), step('vp', '副总经理批准', 'vp_production')],
    'production.site_standard': [step('head', '生产部负责人审核', 'production_head'), step('vp', '副总经理批准', 'vp_production')],
  };
  for (const [docType, steps] of Object.entries(chains)) {
    const [existing] = await db
      .select({ version: approvalChains.version })
      .from(approvalChains)
      .where(and(eq(approvalChains.orgId, p.orgId), eq(approvalChains.docType, docType)));
    await saveApprovalChain(db, workflows, p.system, docType, { version: existing?.version, steps, allowSelfApproval: false }, now);
  }
  return floor;
}

/** A monthly plan of `perDay` cases of the wine each working day (Mon–Sat), approved through its chain. */
export async function approvedMonthlyPlan(db: Db, workflows: Workflows, f: TestFloor, month: string, perDay: number, now: Date) {
  const plan = await createPlan(db, workflows, f.planner, { kind: 'monthly', month }, now);
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const firstWeekday = new Date(`${month}-01T00:00:00Z`).getUTCDay() || 7;
  const quantities = workingDayQuantities(days, firstWeekday, perDay);
  await savePlanLines(
    db,
    f.planner,
    plan.id,
    { version: plan.version, lines: [{ itemId: f.items.wine, forecastQty: quantities.reduce((a, b) => a + b, 0), quantities }] },
    now,
  );
  const doc = await getDocument(db, workflows, f.planner, plan.documentId!);
  await submitPlan(db, workflows, f.planner, plan.id, { version: doc.version }, now);
  await approveThrough(db, workflows, f, plan.documentId!, now);
  return plan;
}

/** Approves a document through its whole chain, each step by the person holding its role. */
export async function approveThrough(db: Db, workflows: Workflows, f: TestFloor, documentId: string, now: Date) {
  const byRole: Record<string, Actor> = { vp_production: f.vpRole, gm: f.gmRole, production_head: f.head };
  for (
    let doc = await getDocument(db, workflows, f.planner, documentId);
    doc.state === 'submitted';
    doc = await getDocument(db, workflows, f.planner, documentId)
  ) {
    await approveDocument(db, workflows, byRole[doc.steps[doc.stepIndex ?? 0].roleCode], documentId, { version: doc.version, opinion: '同意' }, now);
  }
}
