import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { type Evidence, getFindingByKey, type RuleRunResult, runAssessmentRules } from '#core/assessment';
import type { Db } from '#core/db';
import { getPolicy } from '#core/policy';
import { monthEnd, monthStart } from '../common/index';
import { prodItems, prodWorkshops } from '../master/index';
import { prodPlanMaterials } from '../mrp/index';
import { bucketStarts, findLinesInForce, findPlanDocument, prodPlans } from '../plan/index';
import { prodStockDocs, prodStockMoves } from '../warehouse/index';
import { loadNormFacts } from './norm.service';
import type { UsageQuery, UsageView } from './requisition.contract';
import { requisitionLink } from './requisition-notify';
import { REFERENCE_TYPE } from './requisition.query';
import { materialVarianceRule, type UsageFacts, usageVsNorm, type WorkshopUsage } from './usage.rules';

// PP-17 (T4 第二十九、三十条): each workshop's month — material issued net of returns, against
// the norm of what it put into the warehouse (进仓, the ledger's production receipts) and of
// what was planned — and the finding when the over-use passes the policy's threshold.

const addTo = (m: Map<string, number>, k: string, q: number) => m.set(k, (m.get(k) ?? 0) + q);

/** Net issues per workshop and item, with the requisitions they came from. */
async function findIssuedNet(db: Db, orgId: string, from: string, to: string) {
  const rows = await db
    .select({
      workshopId: prodStockDocs.workshopId,
      requisitionId: prodStockDocs.referenceId,
      number: prodStockDocs.referenceNumber,
      itemId: prodStockMoves.itemId,
      qty: sql<number>`sum(${prodStockMoves.qty})::float8`,
    })
    .from(prodStockDocs)
    .innerJoin(prodStockMoves, and(eq(prodStockMoves.orgId, prodStockDocs.orgId), eq(prodStockMoves.docId, prodStockDocs.id)))
    .where(
      and(
        eq(prodStockDocs.orgId, orgId),
        isNotNull(prodStockDocs.workshopId),
        eq(prodStockDocs.referenceType, REFERENCE_TYPE),
        inArray(prodStockDocs.purpose, ['requisition', 'return']),
        ne(prodStockDocs.kind, 'reversal'),
        isNull(prodStockDocs.reversedById),
        gte(prodStockDocs.docDate, from),
        lte(prodStockDocs.docDate, to),
      ),
    )
    .groupBy(prodStockDocs.workshopId, prodStockDocs.referenceId, prodStockDocs.referenceNumber, prodStockMoves.itemId);
  const issued = new Map<string, Map<string, number>>();
  const requisitions = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const w = r.workshopId!;
    // Issues are negative moves and returns positive: the net drawn is minus their sum.
    addTo(issued.get(w) ?? issued.set(w, new Map()).get(w)!, r.itemId, -Number(r.qty));
    if (r.requisitionId) (requisitions.get(w) ?? requisitions.set(w, new Map()).get(w)!).set(r.requisitionId, r.number ?? '');
  }
  return { issued, requisitions };
}

/** 进仓 in the month per product, with the receipt documents. */
async function findProduced(db: Db, orgId: string, from: string, to: string) {
  const rows = await db
    .select({ docId: prodStockDocs.id, number: prodStockDocs.number, itemId: prodStockMoves.itemId, qty: prodStockMoves.qty })
    .from(prodStockDocs)
    .innerJoin(prodStockMoves, and(eq(prodStockMoves.orgId, prodStockDocs.orgId), eq(prodStockMoves.docId, prodStockDocs.id)))
    .where(
      and(
        eq(prodStockDocs.orgId, orgId),
        eq(prodStockDocs.kind, 'receipt'),
        eq(prodStockDocs.purpose, 'production'),
        isNull(prodStockDocs.reversedById),
        gte(prodStockDocs.docDate, from),
        lte(prodStockDocs.docDate, to),
      ),
    )
    .orderBy(asc(prodStockDocs.seq));
  const produced = new Map<string, number>();
  const receipts = new Map<string, { id: string; number: string; items: Set<string> }>();
  for (const r of rows) {
    addTo(produced, r.itemId, r.qty);
    const doc = receipts.get(r.docId) ?? receipts.set(r.docId, { id: r.docId, number: r.number, items: new Set() }).get(r.docId)!;
    doc.items.add(r.itemId);
  }
  return { produced, receipts: [...receipts.values()] };
}

/** Planned quantity per product in the month: the monthly plans in force, made components from their MRP. */
async function findPlanned(db: Db, orgId: string, from: string, to: string): Promise<Map<string, number>> {
  const planned = new Map<string, number>();
  const plans = await db
    .select()
    .from(prodPlans)
    .where(
      and(
        eq(prodPlans.orgId, orgId),
        eq(prodPlans.kind, 'monthly'),
        eq(prodPlans.bucket, 'day'),
        lte(prodPlans.periodStart, to),
        gte(prodPlans.periodEnd, from),
      ),
    );
  for (const plan of plans) {
    const lines = await findLinesInForce(db, plan, await findPlanDocument(db, plan));
    if (!lines) continue;
    const days = bucketStarts(plan);
    for (const l of lines) {
      l.quantities.forEach((q, k) => {
        if (days[k] >= from && days[k] <= to && q > 0) addTo(planned, l.itemId, q);
      });
    }
    const made = await db
      .select({ itemId: prodPlanMaterials.itemId, qty: prodPlanMaterials.qty })
      .from(prodPlanMaterials)
      .where(
        and(
          eq(prodPlanMaterials.orgId, orgId),
          eq(prodPlanMaterials.planId, plan.id),
          eq(prodPlanMaterials.kind, 'make'),
          gte(prodPlanMaterials.needOn, from),
          lte(prodPlanMaterials.needOn, to),
        ),
      );
    for (const m of made) addTo(planned, m.itemId, m.qty);
  }
  return planned;
}

export async function loadUsage(db: Db, orgId: string, month: string, workshopId?: string): Promise<{ facts: UsageFacts; view: UsageView }> {
  const from = monthStart(month);
  const to = monthEnd(month);
  const [policy, norms, issued, produced, planned, workshops, items] = await Promise.all([
    getPolicy(db, orgId),
    loadNormFacts(db, orgId),
    findIssuedNet(db, orgId, from, to),
    findProduced(db, orgId, from, to),
    findPlanned(db, orgId, from, to),
    db.select().from(prodWorkshops).where(eq(prodWorkshops.orgId, orgId)).orderBy(asc(prodWorkshops.sort), asc(prodWorkshops.code)),
    db.select().from(prodItems).where(eq(prodItems.orgId, orgId)),
  ]);
  const item = new Map(items.map((i) => [i.id, i]));
  const threshold = policy.production.materialVarianceThreshold;
  const facts: WorkshopUsage[] = [];
  const view: UsageView = { month, threshold, workshops: [] };
  for (const w of workshops.filter((x) => !workshopId || x.id === workshopId)) {
    const rows = usageVsNorm(
      { workshopId: w.id, issued: issued.issued.get(w.id) ?? new Map(), produced: produced.produced, planned, norms: norms.norms },
      threshold,
    )
      .map((r) => ({ ...r, label: `${item.get(r.itemId)?.code ?? ''} ${item.get(r.itemId)?.name ?? ''}`.trim() }))
      .sort((a, b) => (item.get(a.itemId)?.sort ?? 0) - (item.get(b.itemId)?.sort ?? 0) || a.label.localeCompare(b.label));
    if (rows.length === 0) continue;
    const products = new Set(norms.norms.filter((n) => n.workshopId === w.id).map((n) => n.productId));
    const receipts = produced.receipts.filter((d) => [...d.items].some((i) => products.has(i)));
    const requisitions = [...(issued.requisitions.get(w.id) ?? new Map<string, string>())]
      .map(([id, number]) => ({ id, number }))
      .sort((a, b) => a.number.localeCompare(b.number));
    const evidence: Evidence[] = [
      ...requisitions.map((r) => ({ entity: 'prod_requisition', entityId: r.id, label: `领料单 ${r.number}`, link: requisitionLink(r.id) })),
      ...receipts.map((d) => ({ entity: 'prod_stock_doc', entityId: d.id, label: `进仓单 ${d.number}` })),
    ];
    facts.push({ workshopId: w.id, workshopName: w.name, departmentId: w.departmentId, rows, evidence });
    const finding = await getFindingByKey(db, orgId, `production.material.variance|${w.id}|${month}`);
    view.workshops.push({
      workshopId: w.id,
      workshopName: w.name,
      rows: rows.map(({ label: _label, ...r }) => ({
        ...r,
        code: item.get(r.itemId)?.code ?? '',
        name: item.get(r.itemId)?.name ?? '',
        unit: item.get(r.itemId)?.unit ?? '',
      })),
      requisitions,
      receipts: receipts.map((d) => ({ id: d.id, number: d.number })),
      produced: [...products]
        .filter((p) => (produced.produced.get(p) ?? 0) !== 0)
        .map((p) => ({
          itemId: p,
          code: item.get(p)?.code ?? '',
          name: item.get(p)?.name ?? '',
          unit: item.get(p)?.unit ?? '',
          qty: produced.produced.get(p) ?? 0,
        })),
      findingId: finding?.id ?? null,
    });
  }
  return { facts: { month, workshops: facts }, view };
}

/** 用料分析: usage against the norm per workshop for a month. */
export async function getMaterialUsage(db: Db, actor: Actor, q: UsageQuery): Promise<UsageView> {
  requireAccess(actor, 'production.read');
  return (await loadUsage(db, actor.orgId, q.month, q.workshopId)).view;
}

/** T4 第三十条: the month's over-use becomes a finding per workshop (re-running never duplicates). */
export async function runMaterialUsageAssessment(tx: Db, actor: Actor, month: string): Promise<RuleRunResult> {
  const policy = await getPolicy(tx, actor.orgId);
  const { facts } = await loadUsage(tx, actor.orgId, month);
  return runAssessmentRules(tx, actor, [materialVarianceRule], facts, {
    threshold: policy.production.materialVarianceThreshold,
    penalty: policy.assessment.materialVariancePenalty,
  });
}

export async function assessMaterialUsage(db: Db, actor: Actor, month: string): Promise<RuleRunResult> {
  requireAccess(actor, 'assessment.manage');
  return db.transaction((tx) => runMaterialUsageAssessment(tx, actor, month));
}
