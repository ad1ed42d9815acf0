import type { AssessmentRule, Evidence, RuleFinding } from '#core/assessment';
import type { Policy } from '#core/policy';
import { monthEnd } from '../common/index';

// PP-27 (T2 七.2, 七.3): a plan line a workshop did not complete by its month's end, measured
// as the policy says (进仓 by default, PP-22), is a penalty on the workshop when the recorded
// cause is its organisation (七.2) or a quality problem (七.3). Immature products stay out and
// are listed for their own assessment (七.6); falsified facts double the amount (七.5). Pure.

export type CauseClass = 'organisation' | 'quality' | 'external';
export type RecordedCause = 'organisation' | 'quality' | 'material' | 'equipment' | 'outage' | 'process' | 'other';
export type StoppageKind = 'material' | 'equipment' | 'outage' | 'quality' | 'process' | 'other';

export interface EvidenceRef {
  id: string;
  number: string;
  label: string;
  link?: string;
}

export interface ExecutionLineRecord {
  month: string;
  workshopId: string;
  workshopName: string;
  departmentId: string | null;
  itemId: string;
  itemLabel: string;
  unit: string;
  isMature: boolean;
  plan: number;
  completed: number;
  measure: 'warehouse_receipt' | 'reported_output';
  /** The month-end cause the workshop or production department entered, if any. */
  monthEndCause: { kind: RecordedCause; text: string } | null;
  /** Minutes stopped per reason over the month, for this product or the whole workshop. */
  stoppageMinutes: Partial<Record<StoppageKind, number>>;
  /** Reports of days that fell short of the day's plan. */
  shortReports: EvidenceRef[];
  /** Reports recording a quality stoppage. */
  qualityReports: EvidenceRef[];
  /** The production receipts (进仓) of the month. */
  receipts: EvidenceRef[];
  planDocument: EvidenceRef | null;
}

export interface ExecutionFacts {
  today: string;
  records: ExecutionLineRecord[];
}

const EXTERNAL: readonly StoppageKind[] = ['material', 'equipment', 'outage', 'process'];

export interface CauseFinding {
  cause: CauseClass;
  /** Where the cause was read: the month-end analysis, the shift reports' stoppages, or nothing recorded. */
  source: 'month-end' | 'stoppages' | 'none';
  zh: string;
  en: string;
}

const STOP_ZH: Record<StoppageKind, string> = { material: '断料', equipment: '设备', outage: '停电停水', quality: '质量', process: '工艺', other: '其他' };

/**
 * The cause of a shortfall: the month-end analysis when there is one; else the stoppages the
 * shift reports recorded (quality, or outside causes — material, equipment, outage, process —
 * whichever stopped longest); with nothing outside recorded, the workshop's own organisation.
 */
export function causeOf(r: ExecutionLineRecord): CauseFinding {
  if (r.monthEndCause) {
    const k = r.monthEndCause.kind;
    const cause: CauseClass = k === 'organisation' || k === 'quality' ? k : 'external';
    return { cause, source: 'month-end', zh: `月末分析原因：${r.monthEndCause.text}`, en: `month-end cause: ${r.monthEndCause.text}` };
  }
  const m = r.stoppageMinutes;
  const quality = m.quality ?? 0;
  const [outside, outsideMinutes] = EXTERNAL.map((k) => [k, m[k] ?? 0] as const).reduce((a, b) => (b[1] > a[1] ? b : a));
  if (quality > 0 && quality >= outsideMinutes)
    return { cause: 'quality', source: 'stoppages', zh: `日报记录质量停机 ${quality} 分钟`, en: `the reports record ${quality} min of quality stoppages` };
  if (outsideMinutes > 0) {
    return {
      cause: 'external',
      source: 'stoppages',
      zh: `日报记录${STOP_ZH[outside]}停机 ${outsideMinutes} 分钟`,
      en: `the reports record ${outsideMinutes} min stopped (${outside})`,
    };
  }
  return {
    cause: 'organisation',
    source: 'none',
    zh: '日报未记录断料、设备、停电停水、工艺等外部原因',
    en: 'the reports record no outside cause (material, equipment, outage, process)',
  };
}

/** Not completed by the month's end (the month has ended and completion is short of plan). */
export const isIncomplete = (r: ExecutionLineRecord, today: string): boolean => today > monthEnd(r.month) && r.plan > 0 && r.completed < r.plan - 1e-6;

/** Excluded from the penalties as immature (T2 七.6), when the policy excludes them. */
export const isExcluded = (r: ExecutionLineRecord, policy: Policy['assessment']): boolean => policy.excludeImmatureProducts && !r.isMature;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const MEASURE = { warehouse_receipt: { zh: '按进仓', en: 'by 进仓' }, reported_output: { zh: '按产量', en: 'by output' } };

function evidenceOf(r: ExecutionLineRecord, reports: EvidenceRef[]): Evidence[] {
  const cite = (entity: string, e: EvidenceRef): Evidence => ({ entity, entityId: e.id, label: e.label, ...(e.link ? { link: e.link } : {}) });
  return [
    ...(r.planDocument ? [cite('document', r.planDocument)] : []),
    ...reports.slice(0, 10).map((e) => cite('production.daily_report', e)),
    ...r.receipts.slice(0, 10).map((e) => cite('production.stock_doc', e)),
  ];
}

function findingOf(
  r: ExecutionLineRecord,
  code: string,
  clause: string,
  amount: number,
  reports: EvidenceRef[],
  title: { zh: string; en: string },
): RuleFinding {
  const cause = causeOf(r);
  const short = r.plan - r.completed;
  const rate = Math.round((r.completed / r.plan) * 1000) / 10;
  return {
    subjectDepartmentId: r.departmentId,
    subjectLabel: r.workshopName,
    period: r.month,
    verdict: 'penalty',
    amount,
    summary: {
      zh: `${title.zh}：${r.workshopName} ${r.itemLabel} ${r.month} 计划 ${fmt(r.plan)}${r.unit}，${MEASURE[r.measure].zh}完成 ${fmt(r.completed)}${r.unit}（${rate}%），差 ${fmt(short)}${r.unit}；${cause.zh}；依据 ${clause} 考核责任单位 ${amount} 元/次`,
      en: `${title.en}: ${r.workshopName} ${r.itemLabel} ${r.month} planned ${fmt(r.plan)}, completed ${MEASURE[r.measure].en} ${fmt(r.completed)} (${rate}%), short ${fmt(short)}; ${cause.en}; ${clause.replace('七.', '7.')} penalty ${amount} yuan per incident`,
    },
    evidence: evidenceOf(r, reports),
    // One finding per workshop, product and month, whatever evidence a later run adds.
    dedupeKey: `${code}|${r.month}|${r.workshopId}|${r.itemId}`,
  };
}

export const poorOrganisationRule: AssessmentRule<ExecutionFacts, Policy['assessment']> = {
  code: 'production.plan.incomplete',
  clause: 'T2 七.2',
  requirementId: 'PP-27',
  evaluate(input, policy) {
    return input.records
      .filter((r) => isIncomplete(r, input.today) && !isExcluded(r, policy) && causeOf(r).cause === 'organisation')
      .map((r) =>
        findingOf(r, 'production.plan.incomplete', 'T2 七.2', policy.poorOrganisationPenalty, r.shortReports, {
          zh: '组织不合理造成生产任务未按时完成',
          en: 'Poor organisation: task not completed on time',
        }),
      );
  },
};

export const qualityDelayRule: AssessmentRule<ExecutionFacts, Policy['assessment']> = {
  code: 'production.quality.delay',
  clause: 'T2 七.3',
  requirementId: 'PP-27',
  evaluate(input, policy) {
    return input.records
      .filter((r) => isIncomplete(r, input.today) && !isExcluded(r, policy) && causeOf(r).cause === 'quality')
      .map((r) =>
        findingOf(r, 'production.quality.delay', 'T2 七.3', policy.qualityDelayPenalty, r.qualityReports.length ? r.qualityReports : r.shortReports, {
          zh: '因质量问题造成计划生产延误不能按时交货',
          en: 'Quality problem delayed the plan: not delivered on time',
        }),
      );
  },
};

export const EXECUTION_RULES = [poorOrganisationRule, qualityDelayRule];

/** T2 七.6: the immature products' lines, listed apart for their own assessment, never penalised here. */
export const immatureLines = (records: readonly ExecutionLineRecord[], policy: Policy['assessment']): ExecutionLineRecord[] =>
  records.filter((r) => isExcluded(r, policy));
