import type { Database } from './client';

export interface BackupFile {
  format: 'zhidu-backup';
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: Record<string, unknown[]>;
}

interface TableInfo {
  name: string;
  dependsOn: string[];
}

export interface ForeignKey {
  child: string;
  parent: string;
  name: string;
}

async function listForeignKeys(database: Database): Promise<ForeignKey[]> {
  return database.query<ForeignKey>(
    `select cl.relname as child, pl.relname as parent, k.conname as name from pg_constraint k
       join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
       join pg_namespace n on n.oid = cl.relnamespace
      where k.contype = 'f' and n.nspname = current_schema()`,
  );
}

async function listTables(database: Database): Promise<TableInfo[]> {
  const tables = await database.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> 'schema_migrations' order by 1`,
  );
  const refs = await listForeignKeys(database);
  return tables.map((t) => ({
    name: t.name,
    dependsOn: refs.filter((r) => r.child === t.name && r.parent !== t.name).map((r) => r.parent),
  }));
}

/** References that point at a table restored later: two tables referring to each other (a cycle). */
export function findForwardReferences(order: string[], keys: ForeignKey[]): ForeignKey[] {
  const position = new Map(order.map((name, i) => [name, i]));
  return keys.filter((k) => k.parent !== k.child && (position.get(k.parent) ?? -1) > (position.get(k.child) ?? -1));
}

/** Parents before children, so a restore never breaks a foreign key. */
export function orderByDependencies(tables: TableInfo[]): string[] {
  const done = new Set<string>();
  const out: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    for (const dep of tables.find((t) => t.name === name)?.dependsOn ?? []) visit(dep, path);
    done.add(name);
    out.push(name);
  };
  for (const t of tables) visit(t.name, new Set());
  return out;
}

const quote = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

async function listPrimaryKeys(database: Database): Promise<Map<string, string[]>> {
  const rows = await database.query<{ tbl: string; cols: string[] }>(
    `select cl.relname as tbl, array_agg(a.attname::text order by k.ord) as cols from pg_index i
       join pg_class cl on cl.oid = i.indrelid join pg_namespace n on n.oid = cl.relnamespace
       cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
      where i.indisprimary and n.nspname = current_schema() group by cl.relname`,
  );
  return new Map(rows.map((r) => [r.tbl, r.cols]));
}

/**
 * Left out of every backup: sign-in sessions (a restored copy must not let an old cookie in)
 * and the per-address sign-in counts (transient).
 */
export const TABLES_NOT_BACKED_UP = new Set(['sessions', 'login_throttle']);

export async function createBackup(database: Database, now: Date): Promise<BackupFile> {
  const order = orderByDependencies(await listTables(database)).filter((t) => !TABLES_NOT_BACKED_UP.has(t));
  const keys = await listPrimaryKeys(database);
  const tables: Record<string, unknown[]> = {};
  for (const name of order) {
    // Rows by primary key: the heap's order changes as rows are written, a backup's should not.
    const by = (keys.get(name) ?? []).map((c) => `t.${quote(c)}`).join(', ') || 't::text';
    const [row] = await database.query<{ rows: unknown[] | null }>(
      `select coalesce(json_agg(t order by ${by}), '[]'::json) as rows from (select * from ${quote(name)}) t`,
    );
    tables[name] = typeof row.rows === 'string' ? JSON.parse(row.rows) : (row.rows ?? []);
  }
  const migrations = (await database.query<{ name: string }>('select name from schema_migrations order by name')).map((r) => r.name);
  return { format: 'zhidu-backup', version: 1, createdAt: now.toISOString(), migrations, tables };
}

/** Restores into a migrated, empty database; refuses to mix with existing data. */
export async function restoreBackup(database: Database, backup: BackupFile): Promise<Record<string, number>> {
  if (backup.format !== 'zhidu-backup' || backup.version !== 1) throw new Error('not a Zhidu backup file (format/version)');
  const present = new Set((await database.query<{ name: string }>('select name from schema_migrations')).map((r) => r.name));
  const missing = backup.migrations.filter((m) => !present.has(m));
  if (missing.length) throw new Error(`the backup needs newer migrations: ${missing.join(', ')}`);
  const order = orderByDependencies(await listTables(database));
  for (const name of order) {
    const [c] = await database.query<{ n: number }>(`select count(*)::int as n from ${quote(name)}`);
    if (c.n > 0) throw new Error(`the target database is not empty (table ${name} has ${c.n} rows)`);
  }
  const counts: Record<string, number> = {};
  // A reference cycle has no safe insert order: its references are checked at commit instead.
  const forward = findForwardReferences(order, await listForeignKeys(database));
  const alterForward = (mode: string) => forward.map((k) => `alter table ${quote(k.child)} alter constraint ${quote(k.name)} ${mode};`);
  const statements: string[] = ['begin;', ...alterForward('deferrable initially deferred')];
  for (const name of order) {
    const rows = backup.tables[name] ?? [];
    counts[name] = rows.length;
    if (rows.length === 0) continue;
    const payload = JSON.stringify(rows).replace(/'/g, "''");
    statements.push(`insert into ${quote(name)} overriding system value select * from json_populate_recordset(null::${quote(name)}, '${payload}'::json);`);
  }
  statements.push('commit;');
  await database.exec(statements.join('\n'));
  if (forward.length) await database.exec(['begin;', ...alterForward('not deferrable'), 'commit;'].join('\n'));
  // Identity columns continue after the restored ids.
  const idents = await database.query<{ tbl: string; col: string }>(
    `select table_name as tbl, column_name as col from information_schema.columns
      where table_schema = current_schema() and is_identity = 'YES'`,
  );
  for (const { tbl, col } of idents) {
    await database.query(
      `select setval(pg_get_serial_sequence('${quote(tbl)}', '${col}'), coalesce((select max(${quote(col)}) from ${quote(tbl)}), 0) + 1, false)`,
    );
  }
  return counts;
}
