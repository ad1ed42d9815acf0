import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { approveDocument, getDocument, issueDocument } from '#core/approval';
import { loadActor } from '#core/auth';
import { addDays, isoWeekday } from '#core/calendar';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { addMonths, daysFrom, monthEnd, monthStart, round } from '../common/index';
import { loadWorkshopCapacity } from '../master/index';
import { bucketStarts, createPlan, findLinesInForce, findPlanDocument, type PlanRow, prodPlans, savePlanLines, spreadEvenly, submitPlan } from '../plan/index';
import {
  approveRequisition,
  assignNormWorkshop,
  createRequisition,
  findMaterialNorms,
  issueRequisition,
  proposeRequisition,
  type RequisitionView,
  returnRequisition,
  runMaterialUsageAssessment,
} from '../requisition/index';
import { postStockDocument, prodStockDocs, prodStockMoves } from '../warehouse/index';
import { MONTHLY_SALES } from './demand.demo';
import type { DemoClock } from './demo-clock';
import type { DemoMaster } from './master.demo';

// PP-17 in the demo plant: a month of 领料单 for filling (吴班长, approved by 周主任) and packing
// (郭主任's own), issued by 冯库管 — last month's in full, one above the norm approved by the
// production head, one return; this week a partial issue and today's daily requisition still
// waiting for the director; last month's over-use of bottles as a T4 第三十条 finding.

async function person(db: Db, org: DemoOrg, username: string): Promise<Actor> {
  const id = org.userIds.get(username);
  const actor = id ? await loadActor(db, org.orgId, id) : undefined;
  if (!actor) throw new Error(`demo person ${username} is missing`);
  return actor;
}

const workingDays = (from: string, to: string) => (from > to ? [] : daysFrom(from, to).filter((d) => isoWeekday(d) !== 7));
const hour = (clock: DemoClock, day: string, h: number) => clock.at(day, h);

/** Last month's plan, made on time two months ago, unless the demo already has it. */
async function lastMonthPlan(db: Db, org: DemoOrg, master: DemoMaster, clock: DemoClock, planner: Actor, vp: Actor): Promise<PlanRow> {
  const month = addMonths(clock.month, -1);
  const [existing] = await db
    .select()
    .from(prodPlans)
    .where(and(eq(prodPlans.orgId, org.orgId), eq(prodPlans.kind, 'monthly'), eq(prodPlans.periodStart, monthStart(month))));
  if (existing) return existing;
  const before = addMonths(month, -1);
  const plan = await createPlan(db, org.workflows, planner, { kind: 'monthly', month }, hour(clock, clock.monthDay(before, 20), 9));
  const days = bucketStarts(plan);
  const filling = (await loadWorkshopCapacity(db, org.orgId, days[0], days[days.length - 1])).find((w) => w.workshop.code === 'GZ');
  const working = days.map((_, k) => (filling ? filling.hours[k] > 0 : true));
  const lines = Object.entries(MONTHLY_SALES).map(([code, qty]) => ({
    itemId: master.items.get(code)!,
    forecastQty: qty,
    quantities: spreadEvenly(qty, working),
  }));
  await savePlanLines(db, planner, plan.id, { version: plan.version, lines }, hour(clock, clock.monthDay(before, 21), 9));
  let doc = await getDocument(db, org.workflows, planner, plan.documentId!);
  await submitPlan(db, org.workflows, planner, plan.id, { version: doc.version }, hour(clock, clock.monthDay(before, 24), 9));
  doc = await getDocument(db, org.workflows, planner, plan.documentId!);
  await approveDocument(db, org.workflows, vp, plan.documentId!, { version: doc.version, opinion: '同意' }, hour(clock, clock.monthDay(before, 26), 9));
  doc = await getDocument(db, org.workflows, planner, plan.documentId!);
  const departmentIds = ['灌装车间', '包装车间', '酿造车间', '仓库'].map((n) => org.departmentIds.get(n)).filter((x): x is string => !!x);
  await issueDocument(db, org.workflows, planner, plan.documentId!, { version: doc.version, departmentIds }, hour(clock, clock.monthDay(before, 27), 9));
  return plan;
}

interface Ask {
  workshopId: string;
  days: string[];
  by: Actor;
  at: Date;
  /** Asked over the norm per item code, with the reason. */
  extra?: { code: string; share: number; reason: string };
}

async function requisition(db: Db, master: DemoMaster, a: Ask): Promise<RequisitionView | null> {
  const proposal = await proposeRequisition(db, a.by, { workshopId: a.workshopId, days: a.days });
  const lines = proposal.lines
    .filter((l) => l.proposedQty > 0)
    .map((l) =>
      a.extra && master.items.get(a.extra.code) === l.itemId
        ? { itemId: l.itemId, requestedQty: Math.ceil(l.proposedQty * (1 + a.extra.share)), reason: a.extra.reason }
        : { itemId: l.itemId, requestedQty: l.proposedQty },
    );
  if (lines.length === 0) return null;
  return createRequisition(db, a.by, { workshopId: a.workshopId, days: a.days, lines }, a.at);
}

async function issue(db: Db, keeper: Actor, r: RequisitionView, share: number, at: Date): Promise<RequisitionView> {
  const lines = r.lines
    .map((l) => ({ itemId: l.itemId, qty: share >= 1 ? l.outstandingQty : Math.floor(l.outstandingQty * share), onHand: l.onHand }))
    .filter((l) => l.qty > 0);
  // Stock keeps coming in through the month (采购入库, base liquor bought in as 外购基酒), the
  // hour before, whenever the store would not cover the next issue as well.
  const low = lines.filter((l) => l.onHand - l.qty < l.qty).map((l) => ({ itemId: l.itemId, qty: Math.ceil((2 * l.qty) / 1000) * 1000 }));
  if (low.length)
    await db.transaction((tx) =>
      postStockDocument(
        tx,
        keeper,
        { kind: 'receipt', purpose: 'purchase', docDate: at.toISOString().slice(0, 10), note: '采购到货', lines: low },
        new Date(at.getTime() - 3_600_000),
      ),
    );
  return (await issueRequisition(db, keeper, r.id, { lines: lines.map(({ itemId, qty }) => ({ itemId, qty })) }, at)).requisition;
}

/** 进仓 of the finished goods, as the daily reports post it — only where the demo has none yet. */
async function receiptsFor(
  db: Db,
  org: DemoOrg,
  clock: DemoClock,
  actor: Actor,
  master: DemoMaster,
  plan: PlanRow,
  from: string,
  to: string,
  share: number,
  workshopId: string,
) {
  const finished = [...master.items].filter(([code]) => code.startsWith('CP-')).map(([, id]) => id);
  const [any] = await db
    .select({ id: prodStockDocs.id })
    .from(prodStockDocs)
    .innerJoin(prodStockMoves, and(eq(prodStockMoves.orgId, prodStockDocs.orgId), eq(prodStockMoves.docId, prodStockDocs.id)))
    .where(
      and(
        eq(prodStockDocs.orgId, org.orgId),
        eq(prodStockDocs.purpose, 'production'),
        gte(prodStockDocs.docDate, from),
        lte(prodStockDocs.docDate, to),
        inArray(prodStockMoves.itemId, finished),
      ),
    )
    .limit(1);
  if (any || from > to) return;
  const lines = (await findLinesInForce(db, plan, await findPlanDocument(db, plan))) ?? [];
  const days = bucketStarts(plan);
  // One receipt a week, on its last working day in the range.
  for (let start = from; start <= to; start = addDays(start, 7)) {
    const end = addDays(start, 6) < to ? addDays(start, 6) : to;
    const qty = lines
      .map((l) => ({ itemId: l.itemId, qty: Math.floor(round(l.quantities.reduce((s, q, k) => (days[k] >= start && days[k] <= end ? s + q : s), 0) * share)) }))
      .filter((l) => l.qty > 0 && [...master.items.values()].includes(l.itemId));
    if (qty.length)
      await db.transaction((tx) =>
        postStockDocument(tx, actor, { kind: 'receipt', purpose: 'production', docDate: end, workshopId, note: '成品进仓', lines: qty }, hour(clock, end, 17)),
      );
  }
}

export async function seedDemoRequisitions(db: Db, org: DemoOrg, master: DemoMaster, clock: DemoClock): Promise<void> {
  const [lead, fill, pack, head, keeper, planner, vp] = await Promise.all(
    ['plant.lead', 'plant.fill', 'plant.pack', 'plant.head', 'plant.warehouse', 'plant.planner', 'plant.vp'].map((u) => person(db, org, u)),
  );
  const GZ = master.workshops.get('GZ')!;
  const BZ = master.workshops.get('BZ')!;
  // 用料车间: labels, cartons and gift boxes go on in packing; the rest is drawn by filling.
  for (const n of await findMaterialNorms(db, head)) {
    if (/^BZ-(BQ|ZX|LH)/.test(n.materialCode) && n.workshopId !== BZ) await assignNormWorkshop(db, head, n.bomLineId, BZ);
  }
  const last = addMonths(clock.month, -1);
  const lastPlan = await lastMonthPlan(db, org, master, clock, planner, vp);
  const approve = async (r: RequisitionView, by: Actor, at: Date) =>
    r.state === 'submitted' ? approveRequisition(db, by, r.id, { version: r.version, opinion: '同意' }, at) : r;

  // Last month, by halves: filling asks, its director approves; packing's director asks for his own.
  const halves = [workingDays(monthStart(last), clock.monthDay(last, 15)), workingDays(clock.monthDay(last, 16), monthEnd(last))];
  for (const [k, days] of halves.entries()) {
    const eve = hour(clock, addDays(days[0], -1), 15);
    const next = hour(clock, days[0], 8);
    const extra = k === 1 ? { code: 'BZ-P500', share: 0.2, reason: '新晶白瓶试机，破损率偏高' } : undefined;
    let g = await requisition(db, master, { workshopId: GZ, days, by: lead, at: eve, extra });
    if (g) {
      g = await approve(g, fill, hour(clock, addDays(days[0], -1), 16));
      // Above the norm: the production head approves the rest (T4 第三十条).
      if (g.state === 'escalated')
        g = await approveRequisition(db, head, g.id, { version: g.version, opinion: '同意，试机结束后恢复定额' }, hour(clock, addDays(days[0], -1), 17));
      await issue(db, keeper, g, 1, next);
    }
    const b = await requisition(db, master, { workshopId: BZ, days, by: pack, at: eve });
    if (b) {
      const issued = await issue(db, keeper, b, 1, next);
      // Unused labels and cartons come back at month end (退料).
      if (k === 1) {
        const lines = issued.lines.map((l) => ({ itemId: l.itemId, qty: Math.floor(l.issuedQty * 0.03) })).filter((l) => l.qty > 0);
        if (lines.length) await returnRequisition(db, keeper, b.id, { lines, note: '月末退料' }, hour(clock, monthEnd(last), 16));
      }
    }
  }
  await receiptsFor(db, org, clock, keeper, master, lastPlan, monthStart(last), monthEnd(last), 0.98, BZ);
  await db.transaction((tx) => runMaterialUsageAssessment(tx, org.actor, last));

  // This month: up to last week in one go each, then the team leader's daily requisitions (第三十八条).
  const [current] = await db
    .select()
    .from(prodPlans)
    .where(and(eq(prodPlans.orgId, org.orgId), eq(prodPlans.kind, 'monthly'), eq(prodPlans.periodStart, monthStart(clock.month))));
  const monday = addDays(clock.day, 1 - isoWeekday(clock.day));
  const earlier = workingDays(monthStart(clock.month), addDays(monday, -1));
  if (earlier.length) {
    const at = hour(clock, addDays(earlier[0], -1), 15);
    const g = await requisition(db, master, { workshopId: GZ, days: earlier, by: lead, at });
    if (g) await issue(db, keeper, await approve(g, fill, hour(clock, addDays(earlier[0], -1), 16)), 1, hour(clock, earlier[0], 8));
    const b = await requisition(db, master, { workshopId: BZ, days: earlier, by: pack, at });
    if (b) await issue(db, keeper, b, 1, hour(clock, earlier[0], 8));
  }
  const yesterday = workingDays(monday, addDays(clock.day, -1)).slice(-1);
  if (yesterday.length) {
    const g = await requisition(db, master, { workshopId: GZ, days: yesterday, by: lead, at: hour(clock, yesterday[0], 8) });
    // Issued in part this morning; the rest follows.
    if (g) await issue(db, keeper, await approve(g, fill, hour(clock, yesterday[0], 9)), 0.6, hour(clock, yesterday[0], 10));
  }
  const thisWeek = workingDays(monday, addDays(monday, 5)).filter((d) => d >= clock.day);
  if (thisWeek.length) await requisition(db, master, { workshopId: BZ, days: thisWeek, by: pack, at: new Date(org.today.getTime() - 600_000) });
  // Today's daily requisition waits in 周主任's 我的待办.
  if (isoWeekday(clock.day) !== 7) await requisition(db, master, { workshopId: GZ, days: [clock.day], by: lead, at: new Date(org.today.getTime() - 600_000) });
  if (current) await receiptsFor(db, org, clock, keeper, master, current, monthStart(clock.month), addDays(clock.day, -1), 0.99, BZ);
}
