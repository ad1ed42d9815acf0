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
// The warehouse desk around the ledger: locations, document list and page, stock on hand with
// standards, the stock card, shipment issues and the count sheet (PP-16).
export { prodPurchaseReceiptLines, prodPurchaseReceipts } from './receipt.schema';
export { createLocation, findLocations, reactivateLocation, retireLocation, updateLocation } from './location.service';
export { findStockDocuments, getDocumentContext } from './stock-docs.query';
export { findStockSummary, getStockCard } from './stock-summary.query';
export { findShipmentOptions, postShipmentIssue } from './shipment-issue.service';
export { countSheet, stockCountExcelTable } from './count.sheet';
export { warehouseOpsRoutes } from './warehouse-ops.routes';
export type { DocumentContext, DocumentPage, LocationView, ShipmentOption, StockCard, StockSummaryPage } from './warehouse-ops.contract';
