import type { FindingInput } from './finding.service';

/** What a rule returns per finding; the runner fills in the rule's code, clause and requirement. */
export type RuleFinding = Omit<FindingInput, 'ruleCode' | 'clause' | 'requirementId'> & Partial<Pick<FindingInput, 'ruleCode' | 'clause' | 'requirementId'>>;

/**
 * An assessment rule is a pure function of plain records and the policy, e.g. T2 七.1
 * "plan issued late: 50 yuan per incident" over the plans of a month.
 */
export interface AssessmentRule<I, P = unknown> {
  /** Stable code, e.g. 'production.plan.late-issue'. */
  code: string;
  /** The clause users read on the finding: 'T2 七.1'. */
  clause: string;
  requirementId?: string;
  evaluate(input: I, policy: P): RuleFinding[];
}

/** Same rule, period, subject and evidence: same key, so re-running never duplicates. */
export function dedupeKeyOf(ruleCode: string, f: RuleFinding): string {
  const subject = f.subjectUserId ?? f.subjectDepartmentId ?? f.subjectLabel;
  const evidence = f.evidence
    .map((e) => `${e.entity}:${e.entityId}`)
    .sort()
    .join(',');
  return `${ruleCode}|${f.period ?? ''}|${subject}|${f.verdict}|${evidence}`;
}

export function evaluateAssessmentRules<I, P>(rules: AssessmentRule<I, P>[], input: I, policy: P): FindingInput[] {
  return rules.flatMap((rule) =>
    rule.evaluate(input, policy).map((f) => ({
      ...f,
      // The code is the rule's own, so its findings can always be found by it.
      ruleCode: rule.code,
      clause: f.clause ?? rule.clause,
      requirementId: f.requirementId ?? rule.requirementId,
      dedupeKey: f.dedupeKey ?? dedupeKeyOf(rule.code, f),
    })),
  );
}
