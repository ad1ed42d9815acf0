import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '#test-support';

// issue 16 item 4: the hand-written migrations are the truth; the Drizzle tables mirror them.
// This compares the two on the driver the suite runs on (PGlite, or PostgreSQL with
// ZHIDU_TEST_DRIVER=pg): tables, columns, types, nullability, database defaults, primary keys.
// Indexes, unique constraints and foreign keys are declared in the migrations only (the Drizzle
// tables declare none), so there is nothing to compare for them.

const srcDir = join(import.meta.dirname, '../..');

/** Migrated tables with no Drizzle definition, on purpose. */
const NO_DRIZZLE_DEFINITION: Record<string, string> = {
  schema_migrations: 'bookkeeping of migrate(), read and written with plain SQL only',
};

/** Every source file that defines tables (found, not listed, so a new schema module is covered). */
function schemaModules(dir = srcDir): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...schemaModules(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && readFileSync(path, 'utf8').includes('pgTable(')) found.push(path);
  }
  return found.sort();
}

interface ColumnShape {
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

/** Drizzle's SQL type names, in the spelling of pg_catalog.format_type. */
function normaliseType(sqlType: string): string {
  const t = sqlType.trim().replace(/\s*,\s*/g, ',');
  const array = t.endsWith('[]') ? '[]' : '';
  const base = array ? t.slice(0, -2) : t;
  const map: Record<string, string> = {
    serial: 'integer',
    bigserial: 'bigint',
    smallserial: 'smallint',
    timestamp: 'timestamp without time zone',
    time: 'time without time zone',
    'double precision': 'double precision',
    real: 'real',
  };
  let out = map[base] ?? base;
  out = out
    .replace(/^varchar/, 'character varying')
    .replace(/^char\b/, 'character')
    .replace(/^timestamp\((\d+)\)$/, 'timestamp($1) without time zone')
    .replace(/^timestamp\((\d+)\) with time zone$/, 'timestamp($1) with time zone');
  return out + array;
}

describe('issue 16 item 4: Drizzle tables match the migrated database', () => {
  let database: TestDatabase;
  const drizzle = new Map<string, { file: string; columns: Map<string, ColumnShape>; primaryKey: string[] }>();
  const migrated = new Map<string, Map<string, ColumnShape>>();
  const migratedPrimaryKeys = new Map<string, string[]>();

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const file of schemaModules()) {
      const mod: Record<string, unknown> = await import(file);
      for (const value of Object.values(mod)) {
        if (!is(value, PgTable)) continue;
        const config = getTableConfig(value);
        const name = config.schema ? `${config.schema}.${config.name}` : config.name;
        const where = relative(srcDir, file);
        const seen = drizzle.get(name);
        if (seen && seen.file !== where) throw new Error(`table ${name} is defined twice: ${seen.file} and ${where}`);
        const columns = new Map<string, ColumnShape>();
        for (const c of config.columns) {
          columns.set(c.name, {
            type: normaliseType(c.getSQLType()),
            nullable: !c.notNull,
            // A database default: .default(…)/.defaultNow()/.defaultRandom() or a serial type.
            // $defaultFn values are made in JS and need nothing from the database.
            hasDefault: c.default !== undefined || /serial$/.test(c.getSQLType()),
          });
        }
        const primaryKey = [
          ...config.columns.filter((c) => c.primary).map((c) => c.name),
          ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
        ].sort();
        drizzle.set(name, { file: where, columns, primaryKey });
      }
    }
    const rows = await database.query<{
      table_name: string;
      column_name: string;
      type: string;
      not_null: boolean;
      has_default: boolean;
    }>(
      `select c.relname as table_name, a.attname as column_name,
              format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
              (a.atthasdef or a.attidentity <> '') as has_default
         from pg_attribute a
         join pg_class c on c.oid = a.attrelid
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p')
          and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attnum`,
    );
    for (const r of rows) {
      const cols = migrated.get(r.table_name) ?? new Map<string, ColumnShape>();
      migrated.set(r.table_name, cols);
      cols.set(r.column_name, { type: r.type, nullable: !r.not_null, hasDefault: r.has_default });
    }
    const keys = await database.query<{ table_name: string; columns: string[] | string }>(
      `select cl.relname as table_name, array_agg(a.attname::text order by a.attname) as columns
         from pg_index i
         join pg_class cl on cl.oid = i.indrelid
         join pg_namespace n on n.oid = cl.relnamespace
         join pg_attribute a on a.attrelid = cl.oid and a.attnum = any(i.indkey)
        where i.indisprimary and n.nspname = current_schema()
        group by cl.relname`,
    );
    for (const k of keys) {
      const cols = Array.isArray(k.columns)
        ? k.columns
        : String(k.columns)
            .replace(/^\{|\}$/g, '')
            .split(',');
      migratedPrimaryKeys.set(k.table_name, [...cols].sort());
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('finds the schema modules and the migrated tables', () => {
    expect(drizzle.size).toBeGreaterThan(50);
    expect(migrated.size).toBeGreaterThan(50);
  });

  it('every Drizzle table exists in the migrated database', () => {
    const missing = [...drizzle.entries()].filter(([name]) => !migrated.has(name)).map(([name, d]) => `${name} (${d.file})`);
    expect(missing).toEqual([]);
  });

  it('every migrated table has a Drizzle definition, or is a listed exception', () => {
    const undefinedTables = [...migrated.keys()].filter((name) => !drizzle.has(name) && !(name in NO_DRIZZLE_DEFINITION));
    expect(undefinedTables).toEqual([]);
    for (const name of Object.keys(NO_DRIZZLE_DEFINITION)) {
      expect(migrated.has(name), `${name} is listed as an exception but is not migrated`).toBe(true);
      expect(drizzle.has(name), `${name} is listed as an exception but has a Drizzle definition`).toBe(false);
    }
  });

  it('every table has the same columns, types and nullability on both sides', () => {
    const problems: string[] = [];
    for (const [name, d] of drizzle) {
      const db = migrated.get(name);
      if (!db) continue;
      for (const [col, shape] of d.columns) {
        const actual = db.get(col);
        if (!actual) {
          problems.push(`${name}.${col}: in Drizzle (${d.file}), not in the database`);
          continue;
        }
        if (shape.type !== actual.type) problems.push(`${name}.${col}: Drizzle ${shape.type}, database ${actual.type}`);
        if (shape.nullable !== actual.nullable)
          problems.push(`${name}.${col}: Drizzle ${shape.nullable ? 'null' : 'not null'}, database ${actual.nullable ? 'null' : 'not null'}`);
      }
      for (const col of db.keys()) {
        if (!d.columns.has(col)) problems.push(`${name}.${col}: in the database, not in Drizzle (${d.file})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every column Drizzle leaves to a database default has one', () => {
    const problems: string[] = [];
    for (const [name, d] of drizzle) {
      const db = migrated.get(name);
      if (!db) continue;
      for (const [col, shape] of d.columns) {
        const actual = db.get(col);
        if (actual && shape.hasDefault && !actual.hasDefault) problems.push(`${name}.${col}: Drizzle declares a default, the database has none`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every table has the same primary key on both sides', () => {
    const problems: string[] = [];
    for (const [name, d] of drizzle) {
      if (!migrated.has(name)) continue;
      const actual = migratedPrimaryKeys.get(name) ?? [];
      if (d.primaryKey.join(',') !== actual.join(',')) problems.push(`${name}: Drizzle (${d.primaryKey.join(', ')}), database (${actual.join(', ')})`);
    }
    expect(problems).toEqual([]);
  });
});
