export type ColumnType = 'string' | 'number' | 'integer' | 'date' | 'boolean' | 'enum';
export type SheetLocale = 'zh-CN' | 'en';

export interface EnumValue {
  value: string;
  zh: string;
  en: string;
}

export interface ColumnDef {
  key: string;
  header: { zh: string; en: string };
  type: ColumnType;
  required?: boolean;
  enumValues?: EnumValue[];
  width?: number;
}

export interface SheetDef {
  name: string;
  columns: ColumnDef[];
  /**
   * Columns a file may no longer carry: a file with one is refused with the reason, rather
   * than the column silently ignored (a retired column whose data now lives elsewhere).
   */
  refusedHeaders?: { headers: string[]; reason: { zh: string; en: string } }[];
}

/** A cell as the app sees it: dates are 'YYYY-MM-DD', enums their value, empty is null. */
export type CellData = string | number | boolean | null;
export type SheetRow = Record<string, CellData>;

/** Checks a sheet definition once, where it is written, so a typo fails at start-up. */
export function defineSheet(def: SheetDef): SheetDef {
  const keys = new Set<string>();
  const owner = new Map<string, string>();
  for (const c of def.columns) {
    if (keys.has(c.key)) throw new Error(`sheet ${def.name}: duplicate column key ${c.key}`);
    keys.add(c.key);
    for (const h of [c.header.zh, c.header.en]) {
      const n = normaliseHeader(h);
      if ((owner.get(n) ?? c.key) !== c.key) throw new Error(`sheet ${def.name}: header ${h} names two columns`);
      owner.set(n, c.key);
    }
    if (c.type === 'enum' && !c.enumValues?.length) throw new Error(`sheet ${def.name}: enum column ${c.key} has no values`);
  }
  for (const r of def.refusedHeaders ?? []) {
    for (const h of r.headers) if (owner.has(normaliseHeader(h))) throw new Error(`sheet ${def.name}: refused header ${h} names a column`);
  }
  return { name: def.name, columns: def.columns.map((c) => ({ ...c })), ...(def.refusedHeaders ? { refusedHeaders: def.refusedHeaders } : {}) };
}

export const headerOf = (c: ColumnDef, locale: SheetLocale): string => (locale === 'en' ? c.header.en : c.header.zh);

/** Headers match whatever the spacing, width or case a spreadsheet gave them. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*＊]/g, '')
    .toLowerCase();
}

export const textIn = (locale: SheetLocale, zh: string, en: string): string => (locale === 'en' ? en : zh);

/** A cell as trimmed text; empty for a blank cell. */
export const cellText = (v: CellData): string => (v === null ? '' : String(v).trim());
