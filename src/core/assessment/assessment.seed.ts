import { loadActor } from '../auth';
import type { DemoOrg, DemoSeeder } from '../http';
import { getPolicy } from '../policy';
import { disputeFinding } from './finding-lifecycle.service';
import { recordFinding, type FindingInput } from './finding.service';

function plantFindings(demo: DemoOrg, penalty: { late: number; organisation: number }): FindingInput[] {
  const fill = demo.departmentIds.get('灌装车间') ?? null;
  const production = demo.departmentIds.get('生产部') ?? null;
  return [
    {
      ruleCode: 'production.plan.late-issue',
      clause: 'T2 七.1',
      requirementId: 'PP-27',
      subjectDepartmentId: production,
      subjectLabel: '生产部',
      period: '2026-02',
      verdict: 'penalty',
      amount: penalty.late,
      summary: { zh: '二月月度生产计划于 3 日下达，晚于制度规定，造成灌装延误', en: 'February plan issued on the 3rd, later than required, delaying filling' },
      evidence: [{ entity: 'demo.plan', entityId: 'JH-2026-02', label: '月度生产计划 JH-2026-02' }],
      dedupeKey: 'demo:plan-late:2026-02',
    },
    {
      ruleCode: 'production.execution.poor-organisation',
      clause: 'T2 七.2',
      requirementId: 'PP-27',
      subjectDepartmentId: fill,
      subjectLabel: '灌装车间',
      period: '2026-02',
      verdict: 'penalty',
      amount: penalty.organisation,
      summary: { zh: '组织不合理，500ml 礼盒装未按时完成（进仓 8,000 / 计划 10,000）', en: 'Poor organisation: 500ml gift box not completed on time (8,000 of 10,000 received)' },
      evidence: [{ entity: 'demo.report', entityId: 'RB-0228', label: '生产日报 2026-02-28 灌装车间' }],
      dedupeKey: 'demo:organisation:2026-02:fill',
    },
  ];
}

/** A few findings so the assessment page has something to show, one already disputed. */
export const seedAssessmentDemo: DemoSeeder = async (db, demo) => {
  if (demo.kind !== 'enterprise') return;
  const { assessment } = await getPolicy(db, demo.orgId);
  const ids = await db.transaction(async (tx) => {
    const out: string[] = [];
    for (const f of plantFindings(demo, { late: assessment.planLateIssuePenalty, organisation: assessment.poorOrganisationPenalty })) {
      const row = await recordFinding(tx, demo.actor, f);
      if (row) out.push(row.id);
    }
    return out;
  });
  const fillDirectorId = demo.userIds.get('plant.fill');
  const director = fillDirectorId ? await loadActor(db, demo.orgId, fillDirectorId) : undefined;
  if (director && ids[1]) {
    await disputeFinding(db, director, ids[1], { reason: '2 月 26 日停电 6 小时，属外部原因，已报设备部备案', version: 1 });
  }
};
