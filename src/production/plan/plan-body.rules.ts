import { type CapacityView, findOverloads, findUnderloads, percent, spans } from '../capacity/index';

// The plan as the approval document shows it (the general manager's phone, the revisions
// diff): period, totals, the capacity verdict and one line per product, keyed by product
// so the engine's diff matches products across revisions. Pure.

export interface BodyLine {
  itemId: string;
  total: number;
  forecastQty: number | null;
}

export interface BodyLabel {
  code: string;
  name: string;
  spec: string;
  unit: string;
}

const fmt = (n: number) => (Math.round(n * 1000) / 1000).toLocaleString('zh-CN');

export function planDocumentBody(
  plan: { title: string; periodStart: string; periodEnd: string },
  lines: readonly BodyLine[],
  labels: Readonly<Record<string, BodyLabel>>,
  capacity: CapacityView | null,
  countermeasures: readonly { workshopId: string; bucketStart: string; bucketEnd?: string | null; description: string }[],
) {
  const total = lines.reduce((s, l) => s + l.total, 0);
  const over = capacity ? findOverloads(capacity) : [];
  const under = capacity ? findUnderloads(capacity) : [];
  const capacityText = over.length
    ? over
        .map((o) => {
          const answers = countermeasures.filter((c) => spans({ ...c, bucketEnd: c.bucketEnd ?? null }, o)).map((c) => c.description);
          return `${o.workshopName} ${o.label.zh} 负荷 ${percent(o.utilisation)}（应对措施：${answers.join('；') || '无'}）`;
        })
        .join('\n')
    : '各车间负荷均在产能以内';
  const sorted = [...lines].filter((l) => l.total > 0).sort((a, b) => (labels[a.itemId]?.code ?? '').localeCompare(labels[b.itemId]?.code ?? ''));
  return {
    content: [
      `${plan.title}（${plan.periodStart} 至 ${plan.periodEnd}）`,
      `品种 ${sorted.length} 个，计划总量 ${fmt(total)}。`,
      `产能分析（T4 第十九条）：${capacityText}`,
      ...(under.length ? [`远低于产能，已上报：${under.map((u) => `${u.workshopName} ${u.label.zh} ${percent(u.utilisation)}`).join('；')}`] : []),
    ].join('\n'),
    lines: sorted.map((l) => {
      const label = labels[l.itemId];
      const key = label ? `${label.code} ${label.name}${label.spec ? `（${label.spec}）` : ''}` : l.itemId;
      const forecast = l.forecastQty !== null ? `，预估 ${fmt(l.forecastQty)}` : '';
      return { key, value: `${fmt(l.total)} ${label?.unit ?? ''}${forecast}` };
    }),
  };
}
