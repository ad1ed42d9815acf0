import { PLAN_DOCUMENT_STATE_ZH } from '../common/index';

// PP-21 (T4 第五十六条): the monthly dispatch meeting reports the month and plans the next.
// Its agenda is pre-filled from the records. Pure.

export interface PlanFacts {
  number: string | null;
  title: string;
  state: string;
  revision: number | null;
  lineCount: number;
  total: number;
  overloads: string[];
  underloads: string[];
  shortages: string[];
}

export interface DispatchFacts {
  month: string;
  nextMonth: string;
  thisPlan: PlanFacts | null;
  nextPlan: PlanFacts | null;
  salesSheets: number;
  shippedQty: number;
  plannedShipQty: number;
  absorbed: number;
  adjusted: number;
  lateItems: string[];
  openRequests: string[];
  /** When next month's plan is due, by the policy's monthlyPlanDueDay (T4 第十九条: the 28th; T1: the 9th). */
  nextPlanDueOn: string;
}

export const AGENDA_MARKER = '一、本月生产完成情况';

const STATE_ZH: Record<string, string> = PLAN_DOCUMENT_STATE_ZH;
const n = (x: number) => (Math.round(x * 100) / 100).toLocaleString('zh-CN');

function planText(p: PlanFacts | null, missing: string): string[] {
  if (!p) return [`  ${missing}`];
  const out = [
    `  ${p.number ?? ''} ${p.title}（${STATE_ZH[p.state] ?? p.state}${p.revision && p.revision > 1 ? `，第 ${p.revision} 版` : ''}）：品种 ${p.lineCount} 个，计划总量 ${n(p.total)}`,
  ];
  if (p.overloads.length) out.push(`  超产能：${p.overloads.join('；')}`);
  if (p.underloads.length) out.push(`  产能利用不足：${p.underloads.join('；')}`);
  if (p.shortages.length) out.push(`  物料短缺：${p.shortages.join('；')}`);
  return out;
}

export function dispatchAgenda(f: DispatchFacts): string {
  const [y, m] = f.month.split('-').map(Number);
  const [ny, nm] = f.nextMonth.split('-').map(Number);
  return [
    `${AGENDA_MARKER}（${y}年${m}月）`,
    ...planText(f.thisPlan, '本月无月度生产计划'),
    `  销售计划单 ${f.salesSheets} 张；出货 ${n(f.shippedQty)} / 计划出货 ${n(f.plannedShipQty)}`,
    `  计划后新增订单：在预估量内吸收 ${f.absorbed} 笔，超出须调整计划 ${f.adjusted} 笔（T4 第二十一条）`,
    ...(f.lateItems.length ? [`  逾期事项：${f.lateItems.join('；')}`] : ['  无逾期事项']),
    `二、下月生产计划（${ny}年${nm}月）`,
    ...planText(f.nextPlan, `下月生产计划尚未编制（按制度应于 ${f.nextPlanDueOn} 前编制报批）`),
    ...(f.openRequests.length ? [`  待安排的专项/临时需求：${f.openRequests.join('；')}`] : []),
    '三、各部门总结汇报工作进展',
    '四、各车间提出需协调解决的重大事宜',
  ].join('\n');
}
