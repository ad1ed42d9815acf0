import type { Actor } from '../access';
import type { Db } from '../db';
import { recordFinding } from './finding.service';
import { type AssessmentRule, evaluateAssessmentRules } from './rule-runner.rules';

export interface RuleRunResult {
  /** Ids of findings recorded by this run. */
  created: string[];
  /** Findings the rules found again; they already exist and are left as they are. */
  unchanged: number;
}

/** Evaluates the rules and records each finding (inside the caller's transaction); re-running never duplicates. */
export async function runAssessmentRules<I, P>(tx: Db, actor: Actor, rules: AssessmentRule<I, P>[], input: I, policy: P): Promise<RuleRunResult> {
  const result: RuleRunResult = { created: [], unchanged: 0 };
  for (const finding of evaluateAssessmentRules(rules, input, policy)) {
    const row = await recordFinding(tx, actor, finding);
    if (row) result.created.push(row.id);
    else result.unchanged++;
  }
  return result;
}
