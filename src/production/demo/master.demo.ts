import type { Actor } from '#core/access';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { approveSafetyStock, createBomLine, createItem, createWorkshop, type ItemInput, saveRouting, updateStock } from '../master/index';
import { addMonths } from '../common/index';
import { postStockDocument } from '../warehouse/index';

// A small liquor and wine plant (T4 is a 酒业 regulation): finished goods in cases, base liquor
// and wine made in the brewing workshop, grain and grapes, bottles, caps, corks, labels, boxes.

type DemoItem = ItemInput & { stock: { onHand: number; minQty?: number; maxQty?: number; safetyStock?: number } };

const fg = (code: string, name: string, spec: string, onHand: number, safetyStock: number, extra: Partial<DemoItem> = {}): DemoItem => ({
  code,
  name,
  spec,
  unit: '箱',
  category: 'finished',
  source: 'make',
  leadTimeDays: 1,
  stock: { onHand, safetyStock, minQty: safetyStock, maxQty: safetyStock * 6 },
  ...extra,
});
const semi = (code: string, name: string, onHand: number): DemoItem => ({
  code,
  name,
  spec: '散装',
  unit: 'L',
  category: 'semi',
  source: 'make',
  leadTimeDays: 2,
  stock: { onHand, safetyStock: 5000, minQty: 5000, maxQty: 400000 },
});
const buy = (
  code: string,
  name: string,
  spec: string,
  unit: string,
  category: 'raw' | 'packaging',
  leadTimeDays: number,
  onHand: number,
  lot?: number,
): DemoItem => ({
  code,
  name,
  spec,
  unit,
  category,
  source: 'buy',
  leadTimeDays,
  ...(lot ? { lotRule: 'multiple' as const, lotQty: lot } : {}),
  stock: { onHand, safetyStock: Math.round(onHand * 0.1), minQty: Math.round(onHand * 0.1), maxQty: onHand * 3 },
});

export const DEMO_ITEMS: DemoItem[] = [
  fg('CP-001', '浓香型白酒 52%vol', '500ml×6瓶/箱', 2600, 800),
  fg('CP-002', '浓香型白酒 42%vol', '500ml×6瓶/箱', 1800, 500),
  fg('CP-003', '清香型白酒 53%vol', '750ml×6瓶/箱', 900, 300),
  fg('CP-004', '干红葡萄酒', '750ml×6瓶/箱', 1500, 400),
  fg('CP-005', '干白葡萄酒', '750ml×6瓶/箱', 700, 200),
  // A new gift box: not yet ready for series production, so outside the plan penalties (T2 七.6).
  fg('CP-006', '白酒礼盒 52%vol', '500ml×2瓶/盒', 300, 100, { unit: '盒', isMature: false }),
  semi('BJ-52', '52度浓香基酒', 45000),
  semi('BJ-42', '42度浓香基酒', 25000),
  semi('BJ-53', '53度清香基酒', 12000),
  semi('PJ-GH', '干红原酒', 28000),
  semi('PJ-GB', '干白原酒', 10000),
  buy('YL-GL', '高粱', '一级 散装', 'kg', 'raw', 7, 120000),
  buy('YL-XM', '小麦', '制曲用', 'kg', 'raw', 7, 30000),
  buy('YL-PT', '酿酒葡萄（原汁）', '赤霞珠/霞多丽', 'kg', 'raw', 5, 20000),
  buy('BZ-P500', '酒瓶 500ml', '晶白料', '个', 'packaging', 10, 150000, 1000),
  buy('BZ-P750', '酒瓶 750ml', '波尔多瓶', '个', 'packaging', 10, 60000, 1000),
  buy('BZ-GG', '防伪瓶盖', '铝塑', '个', 'packaging', 7, 200000, 5000),
  buy('BZ-RS', '软木塞', '天然塞 44mm', '个', 'packaging', 15, 8000, 5000),
  buy('BZ-BQ52', '标签 浓香52度', '不干胶', '张', 'packaging', 5, 100000),
  buy('BZ-BQ42', '标签 浓香42度', '不干胶', '张', 'packaging', 5, 60000),
  buy('BZ-BQ53', '标签 清香53度', '不干胶', '张', 'packaging', 5, 30000),
  buy('BZ-BQGH', '标签 干红', '不干胶', '张', 'packaging', 5, 50000),
  buy('BZ-BQGB', '标签 干白', '不干胶', '张', 'packaging', 5, 20000),
  buy('BZ-ZX6', '纸箱 6瓶装', '五层瓦楞', '个', 'packaging', 7, 25000, 500),
  {
    code: 'BZ-LH',
    name: '礼盒',
    spec: '双瓶装 烫金',
    unit: '个',
    category: 'packaging',
    source: 'outsource',
    leadTimeDays: 15,
    stock: { onHand: 800, safetyStock: 200 },
  },
];

// Parent, child, quantity per, scrap, yield.
const BOM: [string, string, number, number?, number?][] = [
  ['CP-001', 'BJ-52', 3, 0, 0.98],
  ['CP-001', 'BZ-P500', 6, 0.01],
  ['CP-001', 'BZ-GG', 6],
  ['CP-001', 'BZ-BQ52', 6],
  ['CP-001', 'BZ-ZX6', 1],
  ['CP-002', 'BJ-42', 3, 0, 0.98],
  ['CP-002', 'BZ-P500', 6, 0.01],
  ['CP-002', 'BZ-GG', 6],
  ['CP-002', 'BZ-BQ42', 6],
  ['CP-002', 'BZ-ZX6', 1],
  ['CP-003', 'BJ-53', 4.5, 0, 0.98],
  ['CP-003', 'BZ-P750', 6, 0.01],
  ['CP-003', 'BZ-GG', 6],
  ['CP-003', 'BZ-BQ53', 6],
  ['CP-003', 'BZ-ZX6', 1],
  ['CP-004', 'PJ-GH', 4.5, 0, 0.97],
  ['CP-004', 'BZ-P750', 6, 0.01],
  ['CP-004', 'BZ-RS', 6, 0.02],
  ['CP-004', 'BZ-BQGH', 6],
  ['CP-004', 'BZ-ZX6', 1],
  ['CP-005', 'PJ-GB', 4.5, 0, 0.97],
  ['CP-005', 'BZ-P750', 6, 0.01],
  ['CP-005', 'BZ-RS', 6, 0.02],
  ['CP-005', 'BZ-BQGB', 6],
  ['CP-005', 'BZ-ZX6', 1],
  ['CP-006', 'BJ-52', 1, 0, 0.98],
  ['CP-006', 'BZ-P500', 2, 0.01],
  ['CP-006', 'BZ-GG', 2],
  ['CP-006', 'BZ-BQ52', 2],
  ['CP-006', 'BZ-LH', 1],
  ['BJ-52', 'YL-GL', 2, 0.03],
  ['BJ-52', 'YL-XM', 0.4],
  ['BJ-42', 'YL-GL', 1.6, 0.03],
  ['BJ-42', 'YL-XM', 0.3],
  ['BJ-53', 'YL-GL', 2.2, 0.03],
  ['PJ-GH', 'YL-PT', 1.4],
  ['PJ-GB', 'YL-PT', 1.4],
];

export interface DemoMaster {
  items: Map<string, string>;
  workshops: Map<string, string>;
}

export async function seedDemoMaster(db: Db, org: DemoOrg, actor: Actor, gm: Actor): Promise<DemoMaster> {
  const workshops = new Map<string, string>();
  const sixDays = [1, 2, 3, 4, 5, 6];
  for (const w of [
    { code: 'NZ', name: '酿造车间', shiftsPerDay: 2, hoursPerShift: 8, lines: 2, workingWeekdays: sixDays },
    { code: 'GZ', name: '灌装车间', shiftsPerDay: 2, hoursPerShift: 8, lines: 2, workingWeekdays: sixDays },
    { code: 'BZ', name: '包装车间', shiftsPerDay: 1, hoursPerShift: 8, lines: 3, efficiency: 1.15, workingWeekdays: sixDays },
  ]) {
    const row = await createWorkshop(db, actor, { ...w, departmentId: org.departmentIds.get(w.name) ?? null, sort: workshops.size });
    workshops.set(w.code, row.id);
  }
  const items = new Map<string, string>();
  const opening: { itemId: string; qty: number }[] = [];
  for (const [i, { stock, ...input }] of DEMO_ITEMS.entries()) {
    const row = await createItem(db, actor, { ...input, sort: i });
    items.set(input.code, row.id);
    const { onHand, ...levels } = stock;
    await updateStock(db, actor, row.id, { version: 1, ...levels }, org.today);
    if (onHand > 0) opening.push({ itemId: row.id, qty: onHand });
  }
  // What the warehouse held when the plant started using the ledger, at the start of last month
  // (the demo carries a month of warehouse documents since): one opening document (期初).
  const started = `${addMonths(org.today.toISOString().slice(0, 7), -1)}-01`;
  await db.transaction((tx) =>
    postStockDocument(tx, actor, { kind: 'opening', purpose: 'opening', docDate: started, note: '期初库存', lines: opening }, org.today),
  );
  // T4 第二十四条: the general manager has approved the safety stocks; two changes still wait for him.
  for (const { code, stock } of DEMO_ITEMS) {
    if ((stock.safetyStock ?? 0) > 0 && !['CP-006', 'BZ-LH'].includes(code)) await approveSafetyStock(db, gm, items.get(code)!, 2, org.today);
  }
  for (const [parent, child, qtyPer, scrapRate, yieldRate] of BOM) {
    await createBomLine(db, actor, {
      parentItemId: items.get(parent)!,
      childItemId: items.get(child)!,
      qtyPer,
      scrapRate: scrapRate ?? 0,
      yieldRate: yieldRate ?? 1,
    });
  }
  for (const code of ['CP-001', 'CP-002', 'CP-003', 'CP-004', 'CP-005']) {
    await saveRouting(db, actor, items.get(code)!, {
      versions: {},
      ops: [
        // Filling runs the day before packing: the process flow between workshops (T4 第二十条).
        { seq: 10, workshopId: workshops.get('GZ')!, hoursPerUnit: 0.02, offsetDays: -1 },
        { seq: 20, workshopId: workshops.get('BZ')!, hoursPerUnit: 0.015, offsetDays: 0 },
      ],
    });
  }
  await saveRouting(db, actor, items.get('CP-006')!, {
    versions: {},
    ops: [
      { seq: 10, workshopId: workshops.get('GZ')!, hoursPerUnit: 0.008, offsetDays: -1 },
      { seq: 20, workshopId: workshops.get('BZ')!, hoursPerUnit: 0.03, offsetDays: 0 },
    ],
  });
  for (const code of ['BJ-52', 'BJ-42', 'BJ-53', 'PJ-GH', 'PJ-GB']) {
    await saveRouting(db, actor, items.get(code)!, { versions: {}, ops: [{ seq: 10, workshopId: workshops.get('NZ')!, hoursPerUnit: 0.004, offsetDays: 0 }] });
  }
  return { items, workshops };
}
