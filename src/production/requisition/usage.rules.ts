import type { AssessmentRule, Evidence } from '#core/assessment';
import { round } from '../common/index';
import type { WorkshopNorm } from './requisition.rules';

// PP-17 (T4 第二十九、三十条): what a workshop drew in a month against the norm for what it
// actually put into the warehouse (进仓) and for what was planned. Pure: quantities in, rows
// and findings out.

export interface UsageInput {
  workshopId: string;
  /** Net of returns, per material. */
  issued: ReadonlyMap<string, number>;
  /** 进仓 in the month per product (production receipts of the ledger). */
  produced: ReadonlyMap<string, number>;
  planned: ReadonlyMap<string, number>;
  norms: readonly WorkshopNorm[];
}

export interface UsageRow {
  itemId: string;
  issuedQty: number;
  /** The norm for what went into the warehouse. */
  normActualQty: number;
  normPlannedQty: number;
  /** issued − norm for the actual output: above zero is over-use. */
  varianceQty: number;
  /** variance / norm for the actual output; null when nothing went into the warehouse. */
  varianceRate: number | null;
  isOverThreshold: boolean;
}

export function usageVsNorm(input: UsageInput, threshold: number): UsageRow[] {
  const actual = new Map<string, number>();
  const planned = new Map<string, number>();
  for (const n of input.norms) {
    if (n.workshopId !== input.workshopId) continue;
    actual.set(n.materialId, (actual.get(n.materialId) ?? 0) + (input.produced.get(n.productId) ?? 0) * n.perUnit);
    planned.set(n.materialId, (planned.get(n.materialId) ?? 0) + (input.planned.get(n.productId) ?? 0) * n.perUnit);
  }
  const items = new Set([
    ...input.issued.keys(),
    ...[...actual].filter(([, q]) => q > 0).map(([k]) => k),
    ...[...planned].filter(([, q]) => q > 0).map(([k]) => k),
  ]);
  const rows: UsageRow[] = [];
  for (const itemId of items) {
    const issuedQty = round(input.issued.get(itemId) ?? 0, 4);
    const normActualQty = round(actual.get(itemId) ?? 0, 4);
    const normPlannedQty = round(planned.get(itemId) ?? 0, 4);
    const varianceQty = round(issuedQty - normActualQty, 4);
    const varianceRate = normActualQty > 0 ? round(varianceQty / normActualQty, 4) : null;
    // Over-use is what 第二十九条 asks to stop; drawing without any 进仓 yet (work in progress at
    // month end) shows in the table but is not judged by a rate.
    rows.push({
      itemId,
      issuedQty,
      normActualQty,
      normPlannedQty,
      varianceQty,
      varianceRate,
      isOverThreshold: varianceRate !== null && varianceRate > threshold,
    });
  }
  return rows;
}

export interface WorkshopUsage {
  workshopId: string;
  workshopName: string;
  departmentId: string | null;
  rows: readonly (UsageRow & { label: string })[];
  /** The requisitions and 进仓 receipts the month's figures come from. */
  evidence: readonly Evidence[];
}

export interface UsageFacts {
  month: string;
  workshops: readonly WorkshopUsage[];
}

export interface UsagePolicy {
  threshold: number;
  /** assessment.materialVariancePenalty; 0 records the finding without an amount. */
  penalty: number;
}

const pct = (r: number) => `${round(r * 100, 1)}%`;

/** T4 第三十条: a workshop whose use of a material exceeds its norm beyond the threshold. */
export const materialVarianceRule: AssessmentRule<UsageFacts, UsagePolicy> = {
  code: 'production.material.variance',
  clause: 'T4 第三十条',
  requirementId: 'PP-17',
  evaluate(input, policy) {
    return input.workshops.flatMap((w) => {
      const over = w.rows.filter((r) => r.varianceRate !== null && r.varianceRate > policy.threshold);
      if (over.length === 0) return [];
      const list = over.map((r) => `${r.label} 超 ${pct(r.varianceRate ?? 0)}`).join('；');
      const listEn = over.map((r) => `${r.label} +${pct(r.varianceRate ?? 0)}`).join('; ');
      return [
        {
          subjectDepartmentId: w.departmentId,
          subjectLabel: w.workshopName,
          period: input.month,
          verdict: policy.penalty > 0 ? 'penalty' : 'unqualified',
          amount: policy.penalty > 0 ? policy.penalty : null,
          summary: {
            zh: `${w.workshopName} ${input.month} 物料消耗超定额（超出 ${pct(policy.threshold)} 即考核）：${list}；依据 T4 第二十九、三十条，由生产部按物料消耗定额管理和考核`,
            en: `${w.workshopName} used more material than its norm in ${input.month} (judged beyond ${pct(policy.threshold)}): ${listEn}; T4 art. 29–30`,
          },
          evidence: [...w.evidence],
          dedupeKey: `production.material.variance|${w.workshopId}|${input.month}`,
        },
      ];
    });
  },
};
