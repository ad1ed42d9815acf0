import { type CapacityView, percent } from '../capacity/index';
import { round } from '../common/index';

// PP-11 (T2 五.2–3): can a special or temporary requirement be met? The answer names the
// bottleneck workshop and day, or the short material, and becomes the written feedback. Pure.

export interface Bottleneck {
  workshopId: string;
  workshopName: string;
  start: string;
  /** Last day of a bottleneck over several days in a row (issue 14 item 5); equal to start for one day. */
  end: string;
  /** Hours above the ceiling over those days: what one countermeasure must answer. */
  excessHours: number;
  utilisation: number | null;
  load: number;
  capacity: number;
}

export interface Shortage {
  itemId: string;
  code: string;
  name: string;
  unit: string;
  qty: number;
  needOn: string;
  releaseOn: string;
  leadTimeDays: number;
}

export interface Feasibility {
  isFeasible: boolean;
  bottlenecks: Bottleneck[];
  shortages: Shortage[];
  /** Lines already due before the request arrived. */
  lateLines: { itemId: string; dueOn: string }[];
}

/**
 * A cell is the request's bottleneck when it is over capacity and the request added load to it.
 * Bottleneck days of a workshop in a row (rest days between do not break the run) are one
 * bottleneck, so one countermeasure can answer it (issue 14 item 5).
 */
export function findBottlenecks(withRequest: CapacityView, without: CapacityView): Bottleneck[] {
  const before = new Map(without.rows.flatMap((r) => r.cells.map((c) => [`${r.workshopId}|${c.start}`, c.load] as const)));
  const max = withRequest.thresholds.maxUtilisation;
  const out: Bottleneck[] = [];
  for (const r of withRequest.rows) {
    let run: { start: string; end: string; load: number; capacity: number } | null = null;
    const close = () => {
      if (!run) return;
      const utilisation = run.capacity > 0 ? round(run.load / run.capacity, 4) : null;
      out.push({
        workshopId: r.workshopId,
        workshopName: r.name,
        start: run.start,
        end: run.end,
        excessHours: round(Math.max(0, run.load - run.capacity * max), 2),
        utilisation,
        load: round(run.load),
        capacity: round(run.capacity),
      });
      run = null;
    };
    for (const c of r.cells) {
      const isBottleneck = c.over && c.load > (before.get(`${r.workshopId}|${c.start}`) ?? 0) + 1e-9;
      if (isBottleneck) {
        if (run) Object.assign(run, { end: c.start, load: run.load + c.load, capacity: run.capacity + c.capacity });
        else run = { start: c.start, end: c.start, load: c.load, capacity: c.capacity };
      } else if (!(c.capacity === 0 && c.load === 0)) close();
    }
    close();
  }
  return out;
}

export function judgeFeasibility(bottlenecks: Bottleneck[], shortages: Shortage[], lateLines: Feasibility['lateLines']): Feasibility {
  return { isFeasible: bottlenecks.length === 0 && shortages.length === 0 && lateLines.length === 0, bottlenecks, shortages, lateLines };
}

/** The written feedback to the requesting department (书面反馈), in both languages. */
export function feedbackText(
  kind: 'special' | 'temporary',
  title: string,
  f: Feasibility,
  labels: Readonly<Record<string, { code: string; name: string }>>,
): { zh: string; en: string } {
  const kindZh = kind === 'special' ? '专项' : '临时';
  const kindEn = kind === 'special' ? 'special' : 'temporary';
  if (f.isFeasible) {
    return {
      zh: `${kindZh}需求“${title}”经产能与物料核算可以满足，生产计划将按时下达。`,
      en: `The ${kindEn} requirement "${title}" can be met; the plan will be issued on time.`,
    };
  }
  const zh: string[] = [];
  const en: string[] = [];
  for (const l of f.lateLines) {
    const i = labels[l.itemId];
    zh.push(`${i?.code ?? ''} ${i?.name ?? ''} 要求交期 ${l.dueOn} 已过`);
    en.push(`${i?.code ?? l.itemId} is due ${l.dueOn}, already past`);
  }
  for (const b of f.bottlenecks.slice(0, 5)) {
    const days = b.end && b.end !== b.start ? `${b.start} 至 ${b.end}` : b.start;
    const daysEn = b.end && b.end !== b.start ? `from ${b.start} to ${b.end}` : `on ${b.start}`;
    zh.push(
      `瓶颈车间：${b.workshopName} ${days} 负荷 ${round(b.load, 1)} 小时，产能 ${round(b.capacity, 1)} 小时（${percent(b.utilisation)}，超出 ${round(b.excessHours ?? 0, 1)} 小时）`,
    );
    en.push(
      `bottleneck: ${b.workshopName} ${daysEn}, ${round(b.load, 1)} h against ${round(b.capacity, 1)} h (${percent(b.utilisation)}, ${round(b.excessHours ?? 0, 1)} h over)`,
    );
  }
  for (const s of f.shortages.slice(0, 5)) {
    zh.push(`物料短缺：${s.code} ${s.name} 缺 ${s.qty} ${s.unit}，采购/生产周期 ${s.leadTimeDays} 天，最迟应于 ${s.releaseOn} 下单，${s.needOn} 前无法到位`);
    en.push(
      `short material: ${s.code} ${s.name}, ${s.qty} ${s.unit} missing; lead time ${s.leadTimeDays} days, should have been ordered by ${s.releaseOn}, cannot arrive by ${s.needOn}`,
    );
  }
  return {
    zh: `${kindZh}需求“${title}”无法按要求满足（依据 T2 五.${kind === 'special' ? '2' : '3'} 书面反馈）：${zh.join('；')}。请与生产部协商调整交期或数量。`,
    en: `The ${kindEn} requirement "${title}" cannot be met as asked (written feedback under T2 5.${kind === 'special' ? '2' : '3'}): ${en.join('; ')}. Please agree a new date or quantity with production.`,
  };
}
