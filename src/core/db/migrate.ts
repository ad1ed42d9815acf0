import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client';

export const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface MigrationResult {
  applied: string[];
  skipped: number;
}

/**
 * Advisory lock keys (fixed, app-wide): several app processes starting together on one
 * PostgreSQL database migrate and seed one after the other, never side by side.
 */
export const LOCK_KEYS = { migrate: 0x7a68_6475, firstStart: 0x7a68_6476 } as const;

// Forward-only: each file runs once, in name order, inside one transaction with its record.
// The whole step holds the migration lock: a second process waits, then finds nothing to do.
export function migrate(database: Database, dir = migrationsDir): Promise<MigrationResult> {
  return database.withLock(LOCK_KEYS.migrate, () => migrateLocked(database, dir));
}

async function migrateLocked(database: Database, dir: string): Promise<MigrationResult> {
  await database.exec(
    `create table if not exists schema_migrations (
       name text primary key, checksum text not null, applied_at timestamptz not null default now())`,
  );
  const done = new Map(
    (await database.query<{ name: string; checksum: string }>('select name, checksum from schema_migrations')).map((r) => [r.name, r.checksum]),
  );
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const checksum = createHash('sha256').update(text).digest('hex');
    const seen = done.get(file);
    if (seen) {
      if (seen !== checksum) throw new Error(`migration ${file} was changed after it was applied`);
      continue;
    }
    const safeName = file.replace(/'/g, "''");
    await database.exec(`begin;\n${text}\n;insert into schema_migrations (name, checksum) values ('${safeName}', '${checksum}');\ncommit;`);
    applied.push(file);
  }
  return { applied, skipped: files.length - applied.length };
}
