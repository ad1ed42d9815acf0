import type { AssessmentPolicy } from './assessment.rules';

type Text = { zh: string; en: string };

export interface StandingFacts {
  absences: number;
  credits: number;
  /** Credits the teacher's remaining sessions of the year can still give. */
  creditsStillPossible: number;
  /** The teacher's sessions of the year held so far and still to come (the pace of the year). */
  sessionsHeld: number;
  sessionsAhead: number;
}

export interface Standing {
  absences: number;
  absenceLimit: number;
  /** Unexcused absences left before the year is unqualified (0 = unqualified already). */
  absencesLeft: number;
  credits: number;
  required: number;
  projectedCredits: number;
  /** Credits the year's pace asks for by now: the requirement × the share of sessions held. */
  paceCredits: number;
  isBehindPace: boolean;
  warnings: { code: 'absence_limit_next' | 'absence_limit_reached' | 'behind_pace' | 'cannot_reach'; text: Text }[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Issue 13 item 4: what the teacher sees on the home page before the verdict, not after:
 * absences against the limit (S1 管理制度 3) and credits against the year (S2 五.1).
 */
export function standingOf(f: StandingFacts, policy: AssessmentPolicy): Standing {
  const limit = policy.unexcusedAbsenceLimit;
  const required = policy.creditsPerYear;
  const total = f.sessionsHeld + f.sessionsAhead;
  const paceCredits = total ? round1((required * f.sessionsHeld) / total) : 0;
  const projectedCredits = round1(f.credits + f.creditsStillPossible);
  const isBehindPace = f.credits < required && f.credits < paceCredits;
  const warnings: Standing['warnings'] = [];
  if (f.absences >= limit) {
    warnings.push({
      code: 'absence_limit_reached',
      text: {
        zh: `已无故缺席 ${f.absences} 次，达到 ${limit} 次，本学年考核不合格（S1 管理制度 3）`,
        en: `${f.absences} unexcused absences: ${limit} make the year unqualified`,
      },
    });
  } else if (f.absences === limit - 1) {
    warnings.push({
      code: 'absence_limit_next',
      text: {
        zh: `已无故缺席 ${f.absences} 次，再缺 1 次本学年即不合格（S1 管理制度 3）`,
        en: `${f.absences} unexcused absences: one more makes the year unqualified`,
      },
    });
  }
  if (projectedCredits < required) {
    warnings.push({
      code: 'cannot_reach',
      text: {
        zh: `学分 ${f.credits}，余下培训全部参加也只有 ${projectedCredits} 分，低于 ${required} 分：请申请校外培训认定`,
        en: `${f.credits} credits; all remaining sessions give ${projectedCredits}, below ${required}: external training is needed`,
      },
    });
  } else if (isBehindPace) {
    warnings.push({
      code: 'behind_pace',
      text: {
        zh: `学分 ${f.credits}，落后于本学年进度（此时应有约 ${paceCredits} 分）`,
        en: `${f.credits} credits, behind the year's pace (about ${paceCredits} by now)`,
      },
    });
  }
  return {
    absences: f.absences,
    absenceLimit: limit,
    absencesLeft: Math.max(0, limit - f.absences),
    credits: f.credits,
    required,
    projectedCredits,
    paceCredits,
    isBehindPace,
    warnings,
  };
}
