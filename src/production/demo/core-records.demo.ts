import { writeAudit } from '#core/audit';
import { recordFinding } from '#core/assessment';
import { type ChainStep, saveApprovalChain, type Workflows } from '#core/approval';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { createSeries } from '#core/meeting';
import { roles, userRoles } from '#core/org';
import { getPolicy } from '#core/policy';

// What the plant brings to the core's pages in the demo: its approval chains, the dispatch
// meeting and a first finding. Core seeds only what every organisation has.

const step = (key: string, nameZh: string, nameEn: string, roleCode: string): ChainStep => ({ key, nameZh, nameEn, roleCode });
const ids = (map: Map<string, string>, names: string[]) => names.map((n) => map.get(n)).filter((id): id is string => !!id);

// CORE-3 defaults: 月度计划 生产部 → 副总经理; 年度计划 生产部 → 生产总监 → 总经理 → 董事会 (T3 第四条, T4 第十九条).
const PLANT_CHAINS: Record<string, ChainStep[]> = {
  'production.monthly_plan': [step('vp', '副总经理审批', 'VP approval', 'vp_production')],
  'production.annual_plan': [
    step('director', '生产总监审核', 'Production director review', 'vp_production'),
    step('gm', '总经理审批', 'General manager approval', 'gm'),
    step('board', '董事会', 'Board of directors', 'board'),
  ],
  'production.sales_plan': [step('gm', '总经理审批', 'General manager approval', 'gm')],
};

// The annual plan ends at the board; the demo's general manager also sits on it so the chain can finish.
async function ensureBoardRole(db: Db, org: DemoOrg): Promise<void> {
  const gmId = org.userIds.get('plant.gm');
  await db.transaction(async (tx) => {
    await tx
      .insert(roles)
      .values({
        orgId: org.orgId,
        code: 'board',
        nameZh: '董事会',
        nameEn: 'Board of directors',
        permissions: ['document.read', 'approval.act', 'production.read'],
      })
      .onConflictDoNothing();
    if (gmId) await tx.insert(userRoles).values({ orgId: org.orgId, userId: gmId, roleCode: 'board' }).onConflictDoNothing();
    await writeAudit(tx, org.actor, {
      action: 'role.create',
      entity: 'role',
      entityId: 'board',
      after: { nameZh: '董事会', members: gmId ? ['plant.gm'] : [] },
    });
  });
}

export async function seedPlantChains(db: Db, workflows: Workflows, org: DemoOrg): Promise<void> {
  await ensureBoardRole(db, org);
  for (const [docType, steps] of Object.entries(PLANT_CHAINS)) {
    await saveApprovalChain(db, workflows, org.actor, docType, { steps, allowSelfApproval: false }, org.today);
  }
}

/** The monthly dispatch meeting (PP-21). */
export async function seedDispatchMeetings(db: Db, org: DemoOrg): Promise<void> {
  const chair = org.userIds.get('plant.vp');
  if (!chair) return;
  const policy = await getPolicy(db, org.orgId);
  await createSeries(
    db,
    org.actor,
    {
      title: '生产调度例会',
      kind: 'dispatch',
      recurrence: { kind: 'monthly' },
      policyDayPath: 'production.dispatchMeetingDay',
      startTime: '09:00',
      durationMinutes: 120,
      location: '公司会议室',
      chairUserId: chair,
      leaveApproverUserId: org.userIds.get('plant.head') ?? null,
      audience: 'listed',
      attendeeUserIds: ids(org.userIds, ['plant.head', 'plant.market', 'plant.brew', 'plant.fill']),
      agendaTemplate: '1. 本月生产完成情况\n2. 下月生产计划\n3. 各部门工作汇报\n4. 需协调解决的重大事宜',
      onHoliday: policy.meetings.onHoliday,
      clause: 'T4 第五十六条',
      requirementId: 'PP-21',
    },
    org.today,
  );
}

/** A finding so the assessment page has something to show from the start (T2 七.1, PP-27). */
export async function seedPlanLateFinding(db: Db, org: DemoOrg): Promise<void> {
  const { assessment } = await getPolicy(db, org.orgId);
  const production = org.departmentIds.get('生产部') ?? null;
  await db.transaction(async (tx) => {
    await recordFinding(tx, org.actor, {
      ruleCode: 'production.plan.late-issue',
      clause: 'T2 七.1',
      requirementId: 'PP-27',
      subjectDepartmentId: production,
      subjectLabel: '生产部',
      period: '2026-02',
      verdict: 'penalty',
      amount: assessment.planLateIssuePenalty,
      summary: { zh: '二月月度生产计划于 3 日下达，晚于制度规定，造成灌装延误', en: 'February plan issued on the 3rd, later than required, delaying filling' },
      evidence: [{ entity: 'demo.plan', entityId: 'JH-2026-02', label: '月度生产计划 JH-2026-02' }],
      dedupeKey: 'demo:plan-late:2026-02',
    });
  });
}
