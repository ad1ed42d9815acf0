import type { CREDIT_CATEGORIES } from '#core/policy';
import { schoolYearRange, type Term, termRange } from '../common';
import type { PlanItem, PlanKind } from './plan.schema';

type Text = { zh: string; en: string };

export interface PlanShape {
  kind: PlanKind;
  schoolYear: string;
  term: Term | null;
  startsOn: string;
  endsOn: string;
  goals: string;
  items: PlanItem[];
}

export interface PlanProblem {
  field: string;
  message: Text;
}

export const CATEGORY_LABELS: Record<(typeof CREDIT_CATEGORIES)[number], Text> = {
  theory: { zh: '教育教学基本理论', en: 'Theory' },
  newCurriculum: { zh: '新课程培训', en: 'New curriculum' },
  language: { zh: '语言文字培训', en: 'Language' },
  subjectSkills: { zh: '学科基本功', en: 'Subject basic skills' },
  informationTechnology: { zh: '现代信息技术', en: 'Information technology' },
  moralEducation: { zh: '德育与班主任工作', en: 'Moral education / class teachers' },
  degreeDistance: { zh: '学历提高与远程教育', en: 'Degree and distance education' },
};

/** The dates a plan may cover: its school year, or its term. */
export function planPeriod(plan: Pick<PlanShape, 'kind' | 'schoolYear' | 'term'>): { from: string; to: string } {
  return plan.kind === 'semester' && plan.term ? termRange(plan.schoolYear, plan.term) : schoolYearRange(plan.schoolYear);
}

/** What stops a draft from being saved: dates outside the period, a term on an annual plan. */
export function checkPlanShape(plan: PlanShape): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (plan.kind === 'semester' && !plan.term) problems.push({ field: 'term', message: { zh: '学期计划须注明学期', en: 'a semester plan needs its term' } });
  if (plan.kind === 'annual' && plan.term) problems.push({ field: 'term', message: { zh: '年度计划不分学期', en: 'an annual plan has no term' } });
  if (plan.endsOn < plan.startsOn) problems.push({ field: 'endsOn', message: { zh: '结束日期早于开始日期', en: 'ends before it starts' } });
  const period = planPeriod(plan);
  if (plan.startsOn < period.from || plan.endsOn > period.to) {
    problems.push({
      field: 'startsOn',
      message: { zh: `计划日期须在 ${period.from} 至 ${period.to} 之间`, en: `the plan must lie between ${period.from} and ${period.to}` },
    });
  }
  plan.items.forEach((item, i) => {
    if (item.month && (item.month < plan.startsOn.slice(0, 7) || item.month > plan.endsOn.slice(0, 7))) {
      problems.push({ field: `items.${i}.month`, message: { zh: `第 ${i + 1} 项的月份不在计划期内`, en: `item ${i + 1}: the month is outside the plan` } });
    }
  });
  return problems;
}

/** What a plan needs before the principal sees it (ST-1: goals, content, schedule, owners). */
export function checkPlanReadyToSubmit(plan: PlanShape): PlanProblem[] {
  const problems = checkPlanShape(plan);
  if (!plan.goals.trim()) problems.push({ field: 'goals', message: { zh: '请填写培训目标', en: 'write the goals' } });
  if (plan.items.length === 0) problems.push({ field: 'items', message: { zh: '请至少列出一项培训内容', en: 'list at least one training item' } });
  plan.items.forEach((item, i) => {
    if (!item.ownerTeacherId)
      problems.push({ field: `items.${i}.ownerTeacherId`, message: { zh: `第 ${i + 1} 项没有负责人`, en: `item ${i + 1} has no owner` } });
  });
  return problems;
}

/** The document body the approver reads on the generic document page (and its diff). */
export function planDocumentBody(plan: PlanShape, ownerNames: Map<string, string>) {
  const kind = plan.kind === 'annual' ? '年度培训计划' : `第${plan.term === 1 ? '一' : '二'}学期培训计划`;
  return {
    content: `${plan.schoolYear} 学年${kind}（${plan.startsOn} 至 ${plan.endsOn}）\n培训目标：${plan.goals}`,
    lines: plan.items.map((item) => ({
      key: `${CATEGORY_LABELS[item.category].zh}｜${item.topic}`,
      value: [
        item.ownerTeacherId ? `负责人：${ownerNames.get(item.ownerTeacherId) ?? ''}` : '负责人：未定',
        item.schedule,
        item.hours ? `${item.hours} 学时` : '',
      ]
        .filter(Boolean)
        .join('；'),
    })),
    plan: { kind: plan.kind, schoolYear: plan.schoolYear, term: plan.term, startsOn: plan.startsOn, endsOn: plan.endsOn, items: plan.items },
  };
}
