import type { Actor, Permission } from '../access';
import type { Db } from '../db';
import type { SheetDef, SheetRow } from './sheet.definition';

export interface ImportRow {
  /** The row number Excel shows, for error messages. */
  rowNumber: number;
  values: SheetRow;
}

export interface ImportSummary {
  inserted: number;
  updated: number;
}

export interface ImportContext {
  now: Date;
}

/** A main table that can be exported to Excel and, when importRows is given, imported back. */
export interface ExcelTable {
  name: string;
  label: { zh: string; en: string };
  sheet: SheetDef;
  /** Needed to download the template, export and import (import also needs excel.import). */
  permission: Permission;
  exportRows(db: Db, actor: Actor): Promise<SheetRow[]>;
  /** Runs inside the import's one transaction; throw importFailed(…) to refuse the whole file. */
  importRows?(tx: Db, actor: Actor, rows: ImportRow[], context: ImportContext): Promise<ImportSummary>;
}

/** The tables every module declares, by name; composed once by the server. */
export interface ExcelTables {
  find(name: string): ExcelTable | undefined;
  list(): readonly ExcelTable[];
}

export function composeExcelTables(tables: readonly ExcelTable[]): ExcelTables {
  const byName = new Map<string, ExcelTable>();
  for (const table of tables) {
    if (!/^[a-z][a-z0-9-]{1,62}$/.test(table.name)) throw new Error(`invalid Excel table name ${table.name}`);
    if (byName.has(table.name)) throw new Error(`Excel table ${table.name} is declared twice`);
    byName.set(table.name, table);
  }
  return { find: (name) => byName.get(name), list: () => [...byName.values()] };
}
