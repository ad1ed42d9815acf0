import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, migrate, openDatabase } from '#core/db';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server at TEST_DATABASE_URL when ZHIDU_TEST_DRIVER=pg.
 */
export interface TestDatabase extends Database {
  drop(): Promise<void>;
}

export const testDriver = (): 'pglite' | 'pg' => (process.env.ZHIDU_TEST_DRIVER === 'pg' ? 'pg' : 'pglite');

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDriver() === 'pglite') {
    // From the migrated template the test run's global set-up made (initdb and migrations once, not per file).
    const database = await openDatabase({ fromTemplate: true });
    await migrate(database);
    return { ...database, drop: () => database.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('ZHIDU_TEST_DRIVER=pg needs TEST_DATABASE_URL');
  const name = `zhidu_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  await migrate(database);
  return {
    ...database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * An empty database, not migrated: on PostgreSQL a new database on the TEST_DATABASE_URL server
 * (its url, for app instances that open their own pools); on PGlite one in-memory database to share.
 */
export async function createEmptyTestDatabase(): Promise<{ url?: string; database?: Database; drop(): Promise<void> }> {
  if (testDriver() === 'pglite') {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('ZHIDU_TEST_DRIVER=pg needs TEST_DATABASE_URL');
  const name = `zhidu_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
