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
  const answersOf = (o: (typeof over)[number]) => countermeasures.filter((c) => spans({ ...c, bucketEnd: c.bucketEnd ?? null }, o)).map((c) => c.description);
  const capacityZh = over.length
    ? over.map((o) => `${o.workshopName} ${o.label.zh} 负荷 ${percent(o.utilisation)}（应对措施：${answersOf(o).join('；') || '无'}）`).join('\n')
    : '各车间负荷均在产能以内';
  const capacityEn = over.length
    ? over.map((o) => `${o.workshopName} ${o.label.en} load ${percent(o.utilisation)} (countermeasures: ${answersOf(o).join('; ') || 'none'})`).join('\n')
    : 'every workshop within capacity';
  const sorted = [...lines].filter((l) => l.total > 0).sort((a, b) => (labels[a.itemId]?.code ?? '').localeCompare(labels[b.itemId]?.code ?? ''));
  // Issue 14 item 12: the text is generated once, in both languages; the reader's switch picks one.
  return {
    content: [
      `${plan.title}（${plan.periodStart} 至 ${plan.periodEnd}）`,
      `品种 ${sorted.length} 个，计划总量 ${fmt(total)}。`,
      `产能分析（T4 第十九条）：${capacityZh}`,
      ...(under.length ? [`远低于产能，已上报：${under.map((u) => `${u.workshopName} ${u.label.zh} ${percent(u.utilisation)}`).join('；')}`] : []),
    ].join('\n'),
    contentEn: [
      `${plan.title} (${plan.periodStart} to ${plan.periodEnd})`,
      `${sorted.length} products, ${fmt(total)} planned in total.`,
      `Capacity analysis (T4 art. 19): ${capacityEn}`,
      ...(under.length ? [`Far below capacity, reported: ${under.map((u) => `${u.workshopName} ${u.label.en} ${percent(u.utilisation)}`).join('; ')}`] : []),
    ].join('\n'),
    lines: sorted.map((l) => {
      const label = labels[l.itemId];
      const key = label ? `${label.code} ${label.name}${label.spec ? `（${label.spec}）` : ''}` : l.itemId;
      const qty = `${fmt(l.total)} ${label?.unit ?? ''}`;
      return l.forecastQty !== null
        ? { key, value: `${qty}，预估 ${fmt(l.forecastQty)}`, valueEn: `${qty}, forecast ${fmt(l.forecastQty)}` }
        : { key, value: qty };
    }),
  };
}
