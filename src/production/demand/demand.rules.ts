import { dayCount } from '../common/index';
import { type OrderKind, REVIEW_PARTIES, type ReviewParty } from './demand.schema';

// Pure rules of demand: the joint review (PP-3), the customer-change notice (PP-4) and the
// month-end summaries (PP-5).

/** The four ways an order arrives (PP-3), as the market department names them. */
export const ORDER_KIND_LABELS: Record<OrderKind, { zh: string; en: string }> = {
  contract: { zh: '合同', en: 'Contract' },
  oral: { zh: '口头订单', en: 'Oral order' },
  written: { zh: '书面订单', en: 'Written order' },
  delivery_request: { zh: '要货通知', en: 'Delivery request' },
};

export const REVIEW_PARTY_LABELS: Record<ReviewParty, { zh: string; en: string }> = {
  production: { zh: '生产部', en: 'Production' },
  quality: { zh: '质量技术研发部', en: 'Quality and R&D' },
  business: { zh: '事业部（业务单位）', en: 'Business unit' },
};

// Issue 14 item 6: each party's opinion comes from a member of that department. A
// department is the party's when its name holds the first of these words any department
// holds (T4 names 质量技术研发部; a plant may call it 质量部 or 技术部).
const PARTY_NAME_WORDS: Record<ReviewParty, string[]> = {
  production: ['生产部', '生产'],
  quality: ['质量', '品质', '质检', '技术'],
  business: ['事业部', '市场', '销售', '营销'],
};

/** The departments that speak for each party of the joint review (pure). */
export function reviewPartyDepartments(departments: readonly { id: string; name: string }[]): Record<ReviewParty, string[]> {
  const pick = (words: string[]) => {
    for (const w of words) {
      const hit = departments.filter((d) => d.name.includes(w));
      if (hit.length) return hit.map((d) => d.id);
    }
    return [];
  };
  return Object.fromEntries(REVIEW_PARTIES.map((p) => [p, pick(PARTY_NAME_WORDS[p])])) as Record<ReviewParty, string[]>;
}

/** The parties a person of this department may give the opinion of. */
export function partiesOfDepartment(map: Record<ReviewParty, string[]>, departmentId: string | null): ReviewParty[] {
  return departmentId ? REVIEW_PARTIES.filter((p) => map[p].includes(departmentId)) : [];
}

export interface ReviewOpinion {
  party: ReviewParty;
  isAgreed: boolean;
}

/** T4 第十四条: production, quality/R&D and the business unit all review; the report goes up only when all agree. */
export function reviewGaps(opinions: readonly ReviewOpinion[]): { missing: ReviewParty[]; disagreeing: ReviewParty[] } {
  const byParty = new Map(opinions.map((o) => [o.party, o]));
  return {
    missing: REVIEW_PARTIES.filter((p) => !byParty.has(p)),
    disagreeing: REVIEW_PARTIES.filter((p) => byParty.get(p)?.isAgreed === false),
  };
}

export interface ChangeNotice {
  /** Days between the change reaching production and the first ship date it touches. */
  noticeDays: number;
  isShortNotice: boolean;
}

/** T3 第十六条: changes of product, quantity or date reach production at least N days ahead. */
export function changeNotice(receivedOn: string, shipDates: readonly (string | null | undefined)[], minDays: number): ChangeNotice {
  const dates = shipDates.filter((d): d is string => !!d);
  const first = dates.reduce((a, b) => (b < a ? b : a), dates[0] ?? receivedOn);
  const noticeDays = dayCount(receivedOn, first);
  return { noticeDays, isShortNotice: noticeDays < minDays };
}

export interface ShipmentFact {
  itemId: string;
  customer: string;
  qty: number;
  shippedQty: number;
  invoicedAmount: number;
  collectedAmount: number;
}

export interface SalesSummaryRow {
  itemId: string;
  planned: number;
  ordered: number;
  shipped: number;
  invoiced: number;
}

/** T4 第十八条: the month's sales by product: plan, orders, shipments, amounts. */
export function summariseSales(planned: ReadonlyMap<string, number>, shipments: readonly ShipmentFact[]): SalesSummaryRow[] {
  const rows = new Map<string, SalesSummaryRow>();
  const get = (itemId: string) => {
    const found = rows.get(itemId);
    if (found) return found;
    const r = { itemId, planned: planned.get(itemId) ?? 0, ordered: 0, shipped: 0, invoiced: 0 };
    rows.set(itemId, r);
    return r;
  };
  for (const id of planned.keys()) get(id);
  for (const s of shipments) {
    const r = get(s.itemId);
    r.ordered += s.qty;
    r.shipped += s.shippedQty;
    r.invoiced = Math.round((r.invoiced + s.invoicedAmount) * 100) / 100;
  }
  return [...rows.values()];
}

export interface CollectionRow {
  customer: string;
  invoiced: number;
  collected: number;
  outstanding: number;
}

/** T4 第十八条: the payment-collection summary by customer. */
export function summariseCollection(shipments: readonly ShipmentFact[]): CollectionRow[] {
  const rows = new Map<string, CollectionRow>();
  for (const s of shipments) {
    const r = rows.get(s.customer) ?? { customer: s.customer, invoiced: 0, collected: 0, outstanding: 0 };
    r.invoiced = Math.round((r.invoiced + s.invoicedAmount) * 100) / 100;
    r.collected = Math.round((r.collected + s.collectedAmount) * 100) / 100;
    r.outstanding = Math.round((r.invoiced - r.collected) * 100) / 100;
    rows.set(s.customer, r);
  }
  return [...rows.values()].sort((a, b) => b.outstanding - a.outstanding);
}
