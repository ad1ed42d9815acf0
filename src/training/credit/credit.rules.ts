import type { CreditCategory, Policy } from '#core/policy';

type Text = { zh: string; en: string };
export type CreditPolicy = Pick<Policy['training'], 'creditsPerYear' | 'minutesPerHour' | 'maxHoursPerDay' | 'minCountedMinutes' | 'creditRules'>;

export interface SessionCreditInput {
  sessionId: string;
  date: string;
  title: string;
  parts: { category: CreditCategory; minutes: number }[];
  durationMinutes: number;
  status: 'on_time' | 'late' | 'left_early' | 'absent' | 'excused';
  lateMinutes: number;
  leftEarlyMinutes: number;
}

export interface ClaimCreditInput {
  claimId: string;
  date: string;
  title: string;
  category: CreditCategory;
  /** Hours recognised by the approver (S4: counted once recognised). */
  hours: number;
}

export interface CreditLine {
  source: 'session' | 'claim';
  refId: string;
  date: string;
  title: string;
  category: CreditCategory;
  minutes: number | null;
  hours: number;
  credits: number;
  /** Why the line counts as it does: each rule that applied, in words. */
  notes: Text[];
}

export interface CategoryTotal {
  category: CreditCategory;
  hours: number;
  credits: number;
  cap: number | null;
  isCapped: boolean;
}

export interface CreditReport {
  lines: CreditLine[];
  categories: CategoryTotal[];
  totalHours: number;
  totalCredits: number;
  required: number;
  isMet: boolean;
  shortfall: number;
  /** Share of the year's requirement reached, 0–1 (the teacher's progress bar). */
  progress: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function sessionLines(s: SessionCreditInput, policy: CreditPolicy): CreditLine[] {
  const isAbsent = s.status === 'absent' || s.status === 'excused';
  const attended = isAbsent ? 0 : Math.max(0, s.durationMinutes - s.lateMinutes - s.leftEarlyMinutes);
  const parts = s.parts.length ? s.parts : [];
  return parts.map((part) => {
    const notes: Text[] = [];
    const minutes = s.durationMinutes ? Math.round((attended * part.minutes) / s.durationMinutes) : 0;
    let hours = 0;
    if (s.status === 'absent') notes.push({ zh: '缺席，不计学时', en: 'Absent: no hours' });
    else if (s.status === 'excused') notes.push({ zh: '请假，不计学时', en: 'On leave: no hours' });
    else {
      if (attended < s.durationMinutes)
        notes.push({
          zh: `实到 ${attended}/${s.durationMinutes} 分钟，按实到计`,
          en: `Present ${attended} of ${s.durationMinutes} minutes: counted as present`,
        });
      if (minutes < policy.minCountedMinutes) {
        notes.push({ zh: `不足 ${policy.minCountedMinutes} 分钟，不计学时`, en: `Under ${policy.minCountedMinutes} minutes: not counted` });
      } else {
        hours = Math.floor(minutes / policy.minutesPerHour);
        notes.push({
          zh: `${minutes} 分钟折合 ${hours} 学时（每 ${policy.minutesPerHour} 分钟 1 学时，不足部分不计）`,
          en: `${minutes} minutes = ${hours} hours (one per ${policy.minutesPerHour} minutes, remainder not counted)`,
        });
      }
    }
    return { source: 'session' as const, refId: s.sessionId, date: s.date, title: s.title, category: part.category, minutes, hours, credits: 0, notes };
  });
}

/**
 * ST-6: hours from attendance (partial attendance earns partial hours; under the minimum
 * nothing; at most `maxHoursPerDay` a day) and from recognised external training, turned
 * into credits per content category with each category's yearly cap, against the year's
 * requirement. Every number comes from the policy; every cut is explained on its line.
 */
export function computeCredits(sessions: SessionCreditInput[], claims: ClaimCreditInput[], policy: CreditPolicy): CreditReport {
  const lines: CreditLine[] = [];
  const hoursByDay = new Map<string, number>();
  const ordered = [...sessions].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  for (const s of ordered) {
    for (const line of sessionLines(s, policy)) {
      const used = hoursByDay.get(line.date) ?? 0;
      if (line.hours > 0 && used + line.hours > policy.maxHoursPerDay) {
        const allowed = Math.max(0, policy.maxHoursPerDay - used);
        line.notes.push({
          zh: `当日最多计 ${policy.maxHoursPerDay} 学时，超出的 ${line.hours - allowed} 学时不计`,
          en: `At most ${policy.maxHoursPerDay} hours a day: ${line.hours - allowed} not counted`,
        });
        line.hours = allowed;
      }
      hoursByDay.set(line.date, used + line.hours);
      lines.push(line);
    }
  }
  for (const c of [...claims].sort((a, b) => a.date.localeCompare(b.date))) {
    lines.push({
      source: 'claim',
      refId: c.claimId,
      date: c.date,
      title: c.title,
      category: c.category,
      minutes: null,
      hours: c.hours,
      credits: 0,
      notes: [{ zh: `校外培训经认定计 ${c.hours} 学时`, en: `External training recognised: ${c.hours} hours` }],
    });
  }
  lines.sort((a, b) => a.date.localeCompare(b.date));
  const creditsByCategory = new Map<CreditCategory, number>();
  const capped = new Set<CreditCategory>();
  for (const line of lines) {
    const rule = policy.creditRules[line.category];
    let credits = round2(line.hours * rule.creditsPerHour);
    const used = creditsByCategory.get(line.category) ?? 0;
    if (rule.maxCreditsPerYear !== null && used + credits > rule.maxCreditsPerYear) {
      const allowed = round2(Math.max(0, rule.maxCreditsPerYear - used));
      line.notes.push({
        zh: `本类学分每学年最多 ${rule.maxCreditsPerYear} 分，已达上限，${round2(credits - allowed)} 分不计`,
        en: `This category counts at most ${rule.maxCreditsPerYear} credits a year: ${round2(credits - allowed)} not counted`,
      });
      credits = allowed;
      capped.add(line.category);
    } else if (line.hours > 0) {
      line.notes.push({
        zh: `${line.hours} 学时 × ${rule.creditsPerHour} = ${credits} 学分`,
        en: `${line.hours} hours × ${rule.creditsPerHour} = ${credits} credits`,
      });
    }
    line.credits = credits;
    creditsByCategory.set(line.category, round2(used + credits));
  }
  const categories = [...new Set(lines.map((l) => l.category))].map((category) => ({
    category,
    hours: round2(lines.filter((l) => l.category === category).reduce((n, l) => n + l.hours, 0)),
    credits: creditsByCategory.get(category) ?? 0,
    cap: policy.creditRules[category].maxCreditsPerYear,
    isCapped: capped.has(category),
  }));
  const totalCredits = round2(categories.reduce((n, c) => n + c.credits, 0));
  const totalHours = round2(categories.reduce((n, c) => n + c.hours, 0));
  const required = policy.creditsPerYear;
  return {
    lines,
    categories,
    totalHours,
    totalCredits,
    required,
    isMet: totalCredits >= required,
    shortfall: round2(Math.max(0, required - totalCredits)),
    progress: required > 0 ? Math.min(1, round2(totalCredits / required)) : 1,
  };
}
