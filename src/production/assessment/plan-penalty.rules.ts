import type { AssessmentRule } from '#core/assessment';
import type { Policy } from '#core/policy';

// PP-27 (T2 七.1): a plan issued late is a penalty on the responsible unit, per incident; an
// immature product's plan stays out (T2 七.6); falsified facts double it (T2 七.5, applied
// when the finding is marked falsified). Pure: records and today in, findings out.

export interface PlanIssueRecord {
  /** null: a special or temporary request nobody has planned yet (still owed, PP-11). */
  planId: string | null;
  documentId: string | null;
  /** The special or temporary request behind the plan: one finding per request, planned or not. */
  requestId: string | null;
  number: string;
  title: string;
  kind: 'monthly' | 'special' | 'temporary';
  dueOn: string;
  /** Local day of the first issue, or null while not issued. */
  issuedOn: string | null;
  departmentId: string | null;
  departmentName: string;
  /** Every product of the plan is immature (不成熟产品). */
  isImmatureOnly: boolean;
  link: string;
}

export interface PlanIssueFacts {
  today: string;
  records: PlanIssueRecord[];
}

const CLAUSES: Record<PlanIssueRecord['kind'], string> = { monthly: 'T2 五.1.2)', special: 'T2 五.2', temporary: 'T2 五.3' };

/** A request's plan and the request itself share one key: planning it late never adds a second finding. */
export const lateIssueKey = (r: Pick<PlanIssueRecord, 'planId' | 'requestId'>): string =>
  r.requestId ? `production.plan.late-issue|request:${r.requestId}` : `production.plan.late-issue|plan:${r.planId}`;

export const isIssuedLate = (r: PlanIssueRecord, today: string): boolean => (r.issuedOn ? r.issuedOn > r.dueOn : today > r.dueOn);

export const planLateIssueRule: AssessmentRule<PlanIssueFacts, Policy['assessment']> = {
  code: 'production.plan.late-issue',
  clause: 'T2 七.1',
  requirementId: 'PP-27',
  evaluate(input, policy) {
    return input.records
      .filter((r) => isIssuedLate(r, input.today) && !(policy.excludeImmatureProducts && r.isImmatureOnly))
      .map((r) => ({
        subjectDepartmentId: r.departmentId,
        subjectLabel: r.departmentName,
        period: r.dueOn.slice(0, 7),
        verdict: 'penalty',
        amount: policy.planLateIssuePenalty,
        summary: {
          zh: `计划延迟下达：${r.number} ${r.title} 应于 ${r.dueOn} 前下达（${CLAUSES[r.kind]}），${r.issuedOn ? `${r.issuedOn} 才下达` : '至今未下达'}；依据 T2 七.1 考核责任单位 ${policy.planLateIssuePenalty} 元/次（未造成生产延误的可撤销）`,
          en: `Plan issued late: ${r.number} was due by ${r.dueOn} (${CLAUSES[r.kind]}), ${r.issuedOn ? `issued ${r.issuedOn}` : 'not issued yet'}; T2 7.1 penalty ${policy.planLateIssuePenalty} yuan per incident (withdraw it if production was not delayed)`,
        },
        evidence: [
          {
            entity: r.documentId ? 'document' : 'prod_plan_request',
            entityId: r.documentId ?? r.requestId ?? '',
            label: `${r.number} ${r.title}（应下达 ${r.dueOn}，${r.issuedOn ? `实际 ${r.issuedOn}` : r.planId ? '未下达' : '未编制计划'}）`,
            link: r.link,
          },
        ],
        dedupeKey: lateIssueKey(r),
      }));
  },
};
