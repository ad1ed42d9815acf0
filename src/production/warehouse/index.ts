// The warehouse ledger (PP-16): numbered documents, append-only moves, balances per item,
// location and lot. Other features post through postStockDocument inside their own transaction.
export { prodStockDocs, prodStockMoves, STOCK_DOC_KINDS, STOCK_PURPOSES } from './ledger.schema';
export type { StockDocKind, StockDocRow, StockMoveRow, StockPurpose } from './ledger.schema';
export { balanceDeltas, DOC_PREFIX, planMoves, planReversal } from './ledger.rules';
export type { LedgerLine, LedgerProblem, NegativeStockPolicy, PlannedMove } from './ledger.rules';
export { findDefaultLocation, MAIN_LOCATION_CODE, postStockDocument, reverseStockDocument } from './ledger.service';
export type { PostedStockDoc, StockDocInput, StockDocLineInput } from './ledger.service';
export { findItemMoves, findOnHand, getStockDocument } from './stock.query';
export type { OnHandFilter } from './stock.query';
export { warehouseRoutes } from './warehouse.routes';
export { OnHandRow, StockDocBody, StockDocView } from './warehouse.contract';
