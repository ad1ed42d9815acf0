import type { DemoOrg, DemoSeeder } from '../http';
import { getPolicy } from '../policy';
import { recordFinding, type FindingInput } from './finding.service';

// The 七.2 / 七.3 findings come from the production demo's own daily reports and receipts, so
// every record they cite exists (issue 14 item 9).
function plantFindings(demo: DemoOrg, penalty: { late: number }): FindingInput[] {
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
  ];
}

/** A finding so the assessment page has something to show from the start. */
export const seedAssessmentDemo: DemoSeeder = async (db, demo) => {
  if (demo.kind !== 'enterprise') return;
  const { assessment } = await getPolicy(db, demo.orgId);
  await db.transaction(async (tx) => {
    for (const f of plantFindings(demo, { late: assessment.planLateIssuePenalty })) await recordFinding(tx, demo.actor, f);
  });
};
