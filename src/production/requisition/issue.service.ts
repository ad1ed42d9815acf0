import type { Actor } from '#core/access';
import { requireAccess } from '#core/access';
import type { Db } from '#core/db';
import { AppError, invalidField } from '#core/errors';
import { findOnHand, postStockDocument, type StockDocInput } from '../warehouse/index';
import { checkIssueLines, checkReturnLines, issueRefusal, type MoveLine, placeIssueLines, progressOf } from './issue.rules';
import type { IssueBody, IssueResult } from './requisition.contract';
import { findLedgerTotals, findLines, getRequisitionRow, REFERENCE_TYPE } from './requisition.query';
import type { RequisitionRow } from './requisition.schema';
import { getRequisitionView } from './requisition-view.service';

// PP-17 (T4 第二十八条 仓库凭批准的领料单核发材料): the warehouse issues only against an approved
// requisition, at most what is outstanding, and takes unused material back (退料) against it.
// Both post through the ledger (postStockDocument) in the same transaction as the checks.

type Movement = 'issue' | 'return';

function refuse(problems: { field: string; zh: string; en: string }[]): never {
  throw new AppError(
    'VALIDATION_FAILED',
    problems[0].zh,
    problems[0].en,
    problems.map((p) => ({ field: p.field, reason: p.en })),
  );
}

/** Locks the requisition (two keepers issuing at once post one after the other) and checks the lines. */
async function assertMovement(tx: Db, actor: Actor, requisitionId: string, movement: Movement, lines: readonly MoveLine[]): Promise<RequisitionRow> {
  const r = await getRequisitionRow(tx, actor.orgId, requisitionId, { forUpdate: true });
  const [own, totals] = await Promise.all([findLines(tx, actor.orgId, [r.id]), findLedgerTotals(tx, actor.orgId, [r.id])]);
  const t = totals.get(r.id)!;
  const progress = progressOf(own, t.issued, t.returned);
  if (movement === 'issue') {
    const refusal = issueRefusal(r.state, r.number, progress);
    if (refusal) throw new AppError('INVALID_STATE', refusal.zh, refusal.en);
    const problems = checkIssueLines(progress, lines);
    if (problems.length) refuse(problems);
  } else {
    if (r.state !== 'approved')
      throw new AppError('INVALID_STATE', `领料单 ${r.number} 未批准，没有可退的料`, `Requisition ${r.number} is not approved; nothing was issued to return`);
    const problems = checkReturnLines(progress, lines);
    if (problems.length) refuse(problems);
  }
  return r;
}

const referenceOf = (r: RequisitionRow) => ({ type: REFERENCE_TYPE, id: r.id, number: r.number });

/**
 * The warehouse documents API posts issues with purpose requisition, and returns against a
 * requisition, only through here: the reference must be an approved requisition of the
 * organisation and the quantities within it. Anything else passes unchanged.
 */
export async function checkRequisitionPosting(tx: Db, actor: Actor, input: StockDocInput): Promise<StockDocInput> {
  const isRequisitionIssue = input.purpose === 'requisition';
  const refersToRequisition = input.reference?.type === REFERENCE_TYPE;
  if (!isRequisitionIssue && !refersToRequisition) return input;
  const movement: Movement | null =
    isRequisitionIssue && input.kind === 'issue' ? 'issue' : input.purpose === 'return' && input.kind === 'receipt' ? 'return' : null;
  if (!movement)
    throw invalidField('purpose', '领料单只能用于领料出库或退料入库', 'a requisition is referenced only by a requisition issue or a return receipt');
  const id = input.reference?.id;
  if (!refersToRequisition || !id)
    throw invalidField('reference', '领料出库须引用已批准的领料单（T4 第二十八条）', 'a requisition issue must reference an approved requisition (T4 art. 28)');
  const r = await assertMovement(tx, actor, id, movement, input.lines).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw invalidField('reference.id', '领料单不存在', 'unknown requisition');
    throw err;
  });
  return { ...input, workshopId: r.workshopId, reference: referenceOf(r) };
}

async function post(db: Db, actor: Actor, id: string, movement: Movement, body: IssueBody, now: Date): Promise<IssueResult> {
  requireAccess(actor, 'production.stock.write');
  const posted = await db.transaction(async (tx) => {
    const r = await assertMovement(tx, actor, id, movement, body.lines);
    // An issue naming no store takes from the stores that hold the item (the keeper may name one).
    const held = movement === 'issue' ? await findOnHand(tx, actor.orgId, { itemIds: [...new Set(body.lines.map((l) => l.itemId))] }) : [];
    const lines =
      movement === 'issue'
        ? placeIssueLines(body.lines, held)
        : body.lines.map((l) => ({ itemId: l.itemId, qty: l.qty, locationId: l.locationId ?? null, lot: l.lot ?? null }));
    return postStockDocument(
      tx,
      actor,
      {
        kind: movement === 'issue' ? 'issue' : 'receipt',
        purpose: movement === 'issue' ? 'requisition' : 'return',
        workshopId: r.workshopId,
        reference: referenceOf(r),
        note: body.note ?? (movement === 'issue' ? `领料单 ${r.number} 发料` : `领料单 ${r.number} 退料`),
        lines,
      },
      now,
    );
  });
  return { documentId: posted.doc.id, documentNumber: posted.doc.number, shortages: posted.shortages, requisition: await getRequisitionView(db, actor, id) };
}

/** PP-17: the warehouse issues (partial issues allowed); under the record-shortage policy a shortage stays outstanding. */
export const issueRequisition = (db: Db, actor: Actor, id: string, body: IssueBody, now: Date) => post(db, actor, id, 'issue', body, now);

/** PP-17: unused material comes back (退料) as a receipt with purpose return against the requisition. */
export const returnRequisition = (db: Db, actor: Actor, id: string, body: IssueBody, now: Date) => post(db, actor, id, 'return', body, now);
