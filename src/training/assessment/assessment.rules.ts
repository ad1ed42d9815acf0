import type { Evidence } from '#core/assessment';
import type { Policy } from '#core/policy';

type Text = { zh: string; en: string };
export type Verdict = 'qualified' | 'unqualified';
export type AssessmentPolicy = Pick<Policy['training'], 'unexcusedAbsenceLimit' | 'creditsPerYear'>;

export interface AbsenceFact {
  sessionId: string;
  title: string;
  date: string;
}

export interface YearFacts {
  /** Unexcused absences from centralised training (absent, no approved leave). */
  absences: AbsenceFact[];
  credits: number;
  /** S2 七: 培训签到、培训记录、培训心得体会、经验交流资料. */
  evidence: { signIns: number; records: number; reflections: number; sharing: number };
}

export interface AssessmentReason {
  code: 'absences' | 'credits' | 'evidence';
  requirementId: string;
  clause: string;
  summary: Text;
  evidence: Evidence[];
}

export interface YearVerdict {
  verdict: Verdict;
  reasons: AssessmentReason[];
}

const absenceEvidence = (a: AbsenceFact): Evidence => ({
  entity: 'training.session',
  entityId: a.sessionId,
  label: `${a.date} ${a.title}：无故缺席`,
  link: `/training/sessions/${a.sessionId}`,
});

/**
 * ST-7: qualified or unqualified for the school year. Unexcused absence from centralised
 * training `unexcusedAbsenceLimit` times or more (S1 管理制度 3: 三次以上) makes the year
 * unqualified, as do credits below the year's minimum (S2 五.1). Every verdict lists its
 * reasons with the clause and the records behind them.
 */
export function assessYear(facts: YearFacts, policy: AssessmentPolicy): YearVerdict {
  const reasons: AssessmentReason[] = [];
  const n = facts.absences.length;
  if (n >= policy.unexcusedAbsenceLimit) {
    reasons.push({
      code: 'absences',
      requirementId: 'ST-7',
      clause: 'S1 管理制度 3',
      summary: {
        zh: `无故不参加校本集中培训 ${n} 次（达到 ${policy.unexcusedAbsenceLimit} 次即不合格）：${facts.absences.map((a) => `${a.date} ${a.title}`).join('；')}`,
        en: `Missed centralised training without leave ${n} times (${policy.unexcusedAbsenceLimit} make the year unqualified): ${facts.absences.map((a) => `${a.date} ${a.title}`).join('; ')}`,
      },
      evidence: facts.absences.map(absenceEvidence),
    });
  }
  if (facts.credits < policy.creditsPerYear) {
    reasons.push({
      code: 'credits',
      requirementId: 'ST-6',
      clause: 'S2 五.1',
      summary: {
        zh: `本学年学分 ${facts.credits}，低于最低要求 ${policy.creditsPerYear} 学分`,
        en: `${facts.credits} credits this year, below the minimum of ${policy.creditsPerYear}`,
      },
      evidence: [{ entity: 'training.credits', entityId: 'year', label: `学分 ${facts.credits}/${policy.creditsPerYear}` }],
    });
  }
  if (reasons.length) return { verdict: 'unqualified', reasons };
  const e = facts.evidence;
  return {
    verdict: 'qualified',
    reasons: [
      {
        code: 'evidence',
        requirementId: 'ST-7',
        clause: 'S2 七',
        summary: {
          zh: `学分 ${facts.credits}（要求 ${policy.creditsPerYear}），无故缺席 ${n} 次；依据：签到 ${e.signIns} 次、培训记录 ${e.records} 篇、心得体会 ${e.reflections} 篇、经验交流 ${e.sharing} 次`,
          en: `${facts.credits} credits (${policy.creditsPerYear} required), ${n} unexcused absences; evidence: ${e.signIns} sign-ins, ${e.records} records, ${e.reflections} reflections, ${e.sharing} sharing`,
        },
        evidence: [],
      },
    ],
  };
}

export interface RiskFacts extends YearFacts {
  /** Credits still possible from the year's remaining scheduled sessions. */
  creditsStillPossible: number;
}

/** The office's dashboard: who may end the year unqualified, and why, while there is time to act. */
export function risksOf(facts: RiskFacts, policy: AssessmentPolicy): Text[] {
  const risks: Text[] = [];
  const n = facts.absences.length;
  if (n >= policy.unexcusedAbsenceLimit) risks.push({ zh: `已无故缺席 ${n} 次，本学年不合格`, en: `${n} unexcused absences: the year is unqualified` });
  else if (n === policy.unexcusedAbsenceLimit - 1)
    risks.push({ zh: `已无故缺席 ${n} 次，再缺 1 次即不合格`, en: `${n} unexcused absences: one more makes the year unqualified` });
  const shortfall = policy.creditsPerYear - facts.credits;
  if (shortfall > 0 && shortfall > facts.creditsStillPossible) {
    risks.push({
      zh: `学分 ${facts.credits}/${policy.creditsPerYear}，余下培训最多可得 ${facts.creditsStillPossible} 分，须申请校外培训认定`,
      en: `${facts.credits}/${policy.creditsPerYear} credits; the remaining sessions give at most ${facts.creditsStillPossible}: external training is needed`,
    });
  }
  return risks;
}
