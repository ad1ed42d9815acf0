import { LOT_RULE_FIXED, LOT_RULE_LFL, LOT_RULE_MULTIPLE, type LotRuleCode } from './lot-size.rule.js';
import type { MrpInput } from './mrp.schema.js';
import { PlanningInputError } from './planning-input.error.js';
import { type BomGraph, buildBomGraph } from './bom-graph.kernel.js';

/**
 * The pre-indexed form the kernel runs on: items are integers 0..n-1, per-period
 * data is one Float64Array of n × periods cells (row i = item i), the BOM is
 * CSR adjacency both ways. Benchmarks and the app build this once and reuse it.
 */
export interface MrpPlant extends BomGraph {
  periods: number;
  ids: string[];
  onHand: Float64Array;
  safetyStock: Float64Array;
  leadTime: Int32Array;
  lotRule: Uint8Array;
  lotQty: Float64Array;
  lotMin: Float64Array;
  /** Independent demand, n × periods. */
  demand: Float64Array;
  /** n × periods. */
  scheduledReceipts: Float64Array;
}

function lotCode(rule: string): LotRuleCode {
  if (rule === 'fixed') return LOT_RULE_FIXED;
  if (rule === 'multiple') return LOT_RULE_MULTIPLE;
  return LOT_RULE_LFL;
}

// The app may call runMrp with typed data that never went through zod, so the
// few numeric rules that would corrupt the plan are checked again here (cheap).
function requireQuantity(value: number, field: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new PlanningInputError(field, 'must be ≥ 0', '必须 ≥ 0');
  }
}

function requirePeriod(value: number, periods: number, field: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new PlanningInputError(field, 'must be a whole number ≥ 0', '必须是 ≥ 0 的整数');
  }
  if (value >= periods) {
    throw new PlanningInputError(
      field,
      `${value} is beyond the horizon of ${periods} periods (0–${periods - 1})`,
      `${value} 超出计划期范围（共 ${periods} 期，0–${periods - 1}）`,
    );
  }
}

function resolveItem(index: Map<string, number>, id: string, field: string): number {
  const i = index.get(id);
  if (i === undefined) {
    throw new PlanningInputError(field, `unknown item "${id}"`, `未知物料 "${id}"`);
  }
  return i;
}

/** The per-item and per-cell part of the plant, before the BOM graph is added. */
type PlantRows = Omit<MrpPlant, keyof BomGraph>;

function indexItems(input: MrpInput, plant: PlantRows, index: Map<string, number>): void {
  const { periods } = input;
  input.items.forEach((item, i) => {
    const at = `items[${i}]`;
    if (index.has(item.id)) {
      throw new PlanningInputError(`${at}.id`, `duplicate item "${item.id}"`, `物料 "${item.id}" 重复`);
    }
    index.set(item.id, i);
    plant.ids[i] = item.id;
    const onHand = item.onHand ?? 0;
    const safetyStock = item.safetyStock ?? 0;
    const leadTime = item.leadTime ?? 0;
    requireQuantity(onHand, `${at}.onHand`);
    requireQuantity(safetyStock, `${at}.safetyStock`);
    if (!Number.isInteger(leadTime) || leadTime < 0) {
      throw new PlanningInputError(`${at}.leadTime`, 'must be a whole number ≥ 0', '必须是 ≥ 0 的整数');
    }
    if (leadTime >= periods) {
      throw new PlanningInputError(
        `${at}.leadTime`,
        `${leadTime} is beyond the horizon of ${periods} periods`,
        `${leadTime} 超出计划期范围（共 ${periods} 期）`,
      );
    }
    plant.onHand[i] = onHand;
    plant.safetyStock[i] = safetyStock;
    plant.leadTime[i] = leadTime;
    const lot = item.lotSizing ?? { rule: 'lfl' as const };
    plant.lotRule[i] = lotCode(lot.rule);
    if (lot.rule !== 'lfl') {
      if (!(lot.qty > 0) || !Number.isFinite(lot.qty)) {
        throw new PlanningInputError(`${at}.lotSizing.qty`, 'must be > 0', '必须 > 0');
      }
      plant.lotQty[i] = lot.qty;
    }
    if (lot.rule === 'multiple') {
      requireQuantity(lot.min ?? 0, `${at}.lotSizing.min`);
      plant.lotMin[i] = lot.min ?? 0;
    }
  });
}

function indexPeriodRows(rows: MrpInput['demand'], name: string, index: Map<string, number>, periods: number, target: Float64Array): void {
  (rows ?? []).forEach((row, r) => {
    const at = `${name}[${r}]`;
    const i = resolveItem(index, row.item, `${at}.item`);
    requirePeriod(row.period, periods, `${at}.period`);
    requireQuantity(row.qty, `${at}.qty`);
    target[i * periods + row.period] += row.qty;
  });
}

/** Builds the integer-indexed plant; throws PlanningInputError for bad references or a BOM cycle. */
export function indexMrpInput(input: MrpInput): MrpPlant {
  const { periods } = input;
  if (!Number.isInteger(periods) || periods < 1) {
    throw new PlanningInputError('periods', 'must be a whole number ≥ 1', '必须是 ≥ 1 的整数');
  }
  const n = input.items.length;
  const cells = n * periods;
  const index = new Map<string, number>();
  const rows: PlantRows = {
    periods,
    ids: new Array<string>(n),
    onHand: new Float64Array(n),
    safetyStock: new Float64Array(n),
    leadTime: new Int32Array(n),
    lotRule: new Uint8Array(n),
    lotQty: new Float64Array(n),
    lotMin: new Float64Array(n),
    demand: new Float64Array(cells),
    scheduledReceipts: new Float64Array(cells),
  };
  indexItems(input, rows, index);

  const bom = input.bom ?? [];
  const parents = new Int32Array(bom.length);
  const children = new Int32Array(bom.length);
  const usage = new Float64Array(bom.length);
  bom.forEach((line, r) => {
    parents[r] = resolveItem(index, line.parent, `bom[${r}].parent`);
    children[r] = resolveItem(index, line.child, `bom[${r}].child`);
    if (!(line.qty > 0) || !Number.isFinite(line.qty)) {
      throw new PlanningInputError(`bom[${r}].qty`, 'must be > 0', '必须 > 0');
    }
    const scrap = line.scrap ?? 0;
    requireQuantity(scrap, `bom[${r}].scrap`);
    // Usage per parent unit, scrap included; the kernel multiplies releases by it.
    usage[r] = line.qty * (1 + scrap);
  });
  indexPeriodRows(input.demand, 'demand', index, periods, rows.demand);
  indexPeriodRows(input.scheduledReceipts, 'scheduledReceipts', index, periods, rows.scheduledReceipts);

  return { ...rows, ...buildBomGraph(n, parents, children, usage, rows.ids) };
}
