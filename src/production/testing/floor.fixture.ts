import { and, eq } from 'drizzle-orm';
import type { Actor, Permission } from '#core/access';
import { approvalChains, approveDocument, type ChainStep, getDocument, saveApprovalChain, type Workflows } from '#core/approval';
import type { Db } from '#core/db';
import { newPlant, type TestPlant } from './plant.fixture';
import { addPlantRoles, packingDepartment, plantPersonMaker, submittedWinePlan } from './plant-people.fixture';

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
  await addPlantRoles(db, p, ROLES, { gm: '总经理' });
  const pack = await packingDepartment(db, p);
  const person = plantPersonMaker(db, p, 'f');
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
    packDirector: await person('workshop_director', pack, '陈主任'),
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
  const plan = await submittedWinePlan(db, workflows, f, month, perDay, now);
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
