import { approveDocument, getDocument, type Workflows } from '#core/approval';
import type { Db } from '#core/db';
import { concludeReview, createOrder, getOrder, type OrderInput, recordReviewOpinion } from '../demand/index';
import type { TestPlant } from './plant.fixture';

// Customer orders for the small plant's wine and their joint review (PP-3): what plan, demand
// and warehouse tests start from.

export interface WineOrder {
  kind: OrderInput['kind'];
  customer: string;
  qty: number;
  /** The ship date the customer asks for (and, concluded, is agreed). */
  shipOn: string;
}

/** The market department takes an order for one line of the wine, received on the (UTC) day of `now`. */
export function newWineOrder(db: Db, p: TestPlant, order: WineOrder, now: Date) {
  return createOrder(
    db,
    p.market,
    {
      kind: order.kind,
      customer: order.customer,
      receivedOn: now.toISOString().slice(0, 10),
      lines: [{ itemId: p.items.wine, qty: order.qty, requestedShipOn: order.shipOn }],
    },
    now,
  );
}

/** Production, quality and the business unit each agree to the order from their own department; by default each in its own words. */
export async function reviewByAllParties(db: Db, p: TestPlant, orderId: string, now: Date, opinion?: string) {
  for (const [who, party, own] of [
    [p.planner, 'production', '可以排产'],
    [p.reviewer, 'quality', '按标准检验'],
    [p.market, 'business', '同意接单'],
  ] as const) {
    await recordReviewOpinion(db, who, orderId, { party, opinion: opinion ?? own, isAgreed: true }, now);
  }
}

/** The market department concludes the review: every line agreed at its ordered quantity (or `agreedQty`) and asked ship date. */
export async function concludeWineOrder(db: Db, workflows: Workflows, p: TestPlant, orderId: string, now: Date, agreedQty?: number) {
  const o = await getOrder(db, p.market, orderId);
  return concludeReview(
    db,
    workflows,
    p.market,
    orderId,
    { version: o.version, lines: o.lines.map((l) => ({ lineId: l.id, agreedQty: agreedQty ?? l.qty, agreedShipOn: l.requestedShipOn })) },
    now,
  );
}

/** The general manager approves the concluded order's review document. */
export async function approveOrderReview(db: Db, workflows: Workflows, p: TestPlant, reviewDocumentId: string, now: Date) {
  const doc = await getDocument(db, workflows, p.gm, reviewDocumentId);
  await approveDocument(db, workflows, p.gm, doc.id, { version: doc.version, opinion: '同意' }, now);
}

/** An order taken, agreed by all three parties (in `opinion`, or each in its own words), concluded as ordered and approved by the GM; its id. */
export async function approvedWineOrder(db: Db, workflows: Workflows, p: TestPlant, order: WineOrder, now: Date, opinion?: string): Promise<string> {
  const { id } = await newWineOrder(db, p, order, now);
  await reviewByAllParties(db, p, id, now, opinion);
  const concluded = await concludeWineOrder(db, workflows, p, id, now);
  await approveOrderReview(db, workflows, p, concluded.reviewDocumentId!, now);
  return id;
}
