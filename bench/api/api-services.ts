// The one place the API benchmarks reach into src/ beyond the module indexes: posting the
// opening stock of a large plant through the ledger, as the execution benchmark does.

// biome-ignore lint/style/noRestrictedImports: benchmarks set up a plant's opening stock from outside src
export { postStockDocument } from '../../src/production/warehouse/index.js';
