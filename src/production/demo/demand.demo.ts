import type { Actor } from '#core/access';
import { approveDocument, getDocument, submitDocument, type Workflows } from '#core/approval';
import type { Db } from '#core/db';
import { monthEnd } from '../common/index';
import {
  concludeReview,
  createOrder,
  createSalesPlan,
  getOrder,
  type OrderInput,
  recordReviewOpinion,
  recordShipment,
  requestCustomerChange,
  saveSalesPlanLines,
  findShipmentPlan,
} from '../demand/index';
import type { DemoClock } from './demo-clock';

/** Cases (boxes for the gift box) a month of each product; next month is the year-end peak. */
export const MONTHLY_SALES: Record<string, number> = { 'CP-001': 14000, 'CP-002': 8000, 'CP-003': 3000, 'CP-004': 5000, 'CP-005': 2000, 'CP-006': 1500 };
export const PEAK = 1.25;

export interface DemoPeople {
  head: Actor;
  planner: Actor;
  market: Actor;
  vp: Actor;
  gm: Actor;
  fill: Actor;
  brew: Actor;
  warehouse: Actor;
  /** 质量部: gives the quality opinion of the joint review. */
  quality: Actor;
}

/** A monthly sales plan (the forecast of PP-2) with its delivery schedule: four ship dates. */
async function seedMonthlySalesPlan(
  db: Db,
  workflows: Workflows,
  people: DemoPeople,
  items: Map<string, string>,
  clock: DemoClock,
  month: string,
  factor: number,
  submitAt: Date | null,
) {
  const created = submitAt ? new Date(submitAt.getTime() - 5 * 86_400_000) : clock.daysAgo(0);
  const plan = await createSalesPlan(db, workflows, people.market, { kind: 'monthly', month }, created);
  const last = Number(monthEnd(month).slice(8, 10));
  const days = [8, 15, 22, Math.min(28, last)];
  const lines = Object.entries(MONTHLY_SALES).flatMap(([code, qty]) =>
    days.map((d, k) => ({
      itemId: items.get(code)!,
      onDate: clock.monthDay(month, d),
      qty: Math.round((qty * factor) / 4) + (k === 0 ? Math.round(qty * factor) - 4 * Math.round((qty * factor) / 4) : 0),
      unitPrice: null,
    })),
  );
  await saveSalesPlanLines(db, people.market, plan.id, { version: plan.version, lines });
  if (!submitAt) return plan;
  const doc = await submitDocument(db, workflows, people.market, plan.documentId, { version: 1 }, submitAt);
  await approveDocument(
    db,
    workflows,
    people.gm,
    plan.documentId,
    { version: doc.version, opinion: '同意，按此组织生产。' },
    new Date(submitAt.getTime() + 2 * 86_400_000),
  );
  return plan;
}

async function seedAnnualSalesPlan(db: Db, workflows: Workflows, people: DemoPeople, items: Map<string, string>, clock: DemoClock) {
  const year = Number(clock.month.slice(0, 4));
  const plan = await createSalesPlan(db, workflows, people.market, { kind: 'annual', year }, clock.at(`${year}-01-05`));
  const lines = Object.entries(MONTHLY_SALES).flatMap(([code, qty]) =>
    Array.from({ length: 12 }, (_, m) => ({
      itemId: items.get(code)!,
      onDate: `${year}-${String(m + 1).padStart(2, '0')}-01`,
      qty: Math.round(qty * (m >= 10 || m === 0 ? PEAK : 1)),
      unitPrice: null,
    })),
  );
  await saveSalesPlanLines(db, people.market, plan.id, { version: plan.version, lines });
  const doc = await submitDocument(db, workflows, people.market, plan.documentId, { version: 1 }, clock.at(`${year}-01-08`));
  await approveDocument(db, workflows, people.gm, plan.documentId, { version: doc.version, opinion: '同意' }, clock.at(`${year}-01-10`));
}

export async function seedDemoSales(db: Db, workflows: Workflows, people: DemoPeople, items: Map<string, string>, clock: DemoClock) {
  await seedAnnualSalesPlan(db, workflows, people, items, clock);
  await seedMonthlySalesPlan(db, workflows, people, items, clock, clock.month, 1, clock.prevMonthAt(20));
  // Next month's forecast is due on the 25th: before the 20th it is still being written.
  await seedMonthlySalesPlan(db, workflows, people, items, clock, clock.nextMonth, PEAK, clock.dayOfMonth >= 20 ? clock.daysAgo(1) : null);
}

/** Joint review by production, quality and the business unit, then the general manager (PP-3). */
async function reviewAndApprove(db: Db, workflows: Workflows, people: DemoPeople, orderId: string, at: Date) {
  await recordReviewOpinion(db, people.head, orderId, { party: 'production', opinion: '产能与物料可以保证，按期排产。', isAgreed: true }, at);
  await recordReviewOpinion(db, people.quality, orderId, { party: 'quality', opinion: '执行企业标准，出厂检验合格后发货。', isAgreed: true }, at);
  await recordReviewOpinion(db, people.market, orderId, { party: 'business', opinion: '客户信誉良好，同意接单。', isAgreed: true }, at);
  const order = await getOrder(db, people.market, orderId);
  const concluded = await concludeReview(
    db,
    workflows,
    people.market,
    orderId,
    { version: order.version, lines: order.lines.map((l) => ({ lineId: l.id, agreedQty: l.qty, agreedShipOn: l.requestedShipOn })) },
    at,
  );
  const doc = await getDocument(db, workflows, people.gm, concluded.reviewDocumentId!);
  await approveDocument(
    db,
    workflows,
    people.gm,
    doc.id,
    { version: doc.version, opinion: '同意，以销售计划单下发生产部。' },
    new Date(at.getTime() + 3_600_000),
  );
}

export async function seedDemoOrders(db: Db, workflows: Workflows, people: DemoPeople, items: Map<string, string>, clock: DemoClock) {
  const order = (input: Omit<OrderInput, 'lines'> & { lines: [string, number, string][] }, at: Date) =>
    createOrder(
      db,
      people.market,
      { ...input, lines: input.lines.map(([code, qty, shipOn]) => ({ itemId: items.get(code)!, qty, requestedShipOn: shipOn })) },
      at,
    );
  const d = (n: number) => clock.day.slice(0, 8) + String(n).padStart(2, '0');
  const last = Number(monthEnd(clock.month).slice(8, 10));
  const laterThisMonth = (n: number) => d(Math.min(last, Math.max(clock.dayOfMonth + n, 1)));
  const received = clock.daysAgo(6);
  const receivedOn = received.toISOString().slice(0, 10);
  const a = await order(
    {
      kind: 'contract',
      customer: '华北糖酒有限公司',
      contact: '刘经理 138xxxx1234',
      receivedOn,
      note: '年度框架合同第 3 批',
      lines: [
        ['CP-001', 2000, laterThisMonth(3)],
        ['CP-004', 500, laterThisMonth(3)],
      ],
    },
    received,
  );
  await reviewAndApprove(db, workflows, people, a.id, clock.daysAgo(5));
  const b = await order({ kind: 'oral', customer: '金城大酒店', contact: '采购部 王主管', receivedOn, lines: [['CP-003', 300, laterThisMonth(5)]] }, received);
  await reviewAndApprove(db, workflows, people, b.id, clock.daysAgo(4));
  const bOrder = await getOrder(db, people.market, b.id);
  // The hotel wants 100 more, two days before shipping: short notice (T3 第十六条).
  await requestCustomerChange(
    db,
    people.market,
    b.id,
    {
      orderLineId: bOrder.lines[0].id,
      kind: 'quantity',
      newQty: 400,
      reason: '客户宴会增加席数，追加 100 箱',
      receivedOn: clock.day,
      hasWrittenConfirmation: true,
      confirmationRef: '客户传真 2026-确认-017',
    },
    clock.daysAgo(0),
  );
  const c = await order(
    { kind: 'delivery_request', customer: '本市经销商联合体', receivedOn: clock.day, lines: [['CP-002', 800, laterThisMonth(6)]] },
    clock.daysAgo(0),
  );
  await recordReviewOpinion(db, people.head, c.id, { party: 'production', opinion: '可在下周安排灌装。', isAgreed: true }, clock.daysAgo(0));
  await order(
    {
      kind: 'written',
      customer: '华东酒业集团',
      contact: '采购中心',
      receivedOn: clock.day,
      note: '春节备货加急订单',
      lines: [['CP-001', 6000, d(Math.min(last, 25))]],
    },
    clock.daysAgo(0),
  );
  // Part of the first order has gone out and been paid for (PP-5).
  for (const s of (await findShipmentPlan(db, people.market, clock.month)).filter((x) => x.customer === '华北糖酒有限公司')) {
    await recordShipment(db, people.warehouse, s.id, {
      version: s.version,
      shippedOn: clock.day,
      shippedQty: s.qty / 2,
      invoicedAmount: s.qty * 200,
      collectedAmount: s.qty * 120,
    });
  }
}
