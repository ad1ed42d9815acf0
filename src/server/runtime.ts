import { openDatabase, migrate, type Database } from '#core/db';
import type { AppContext, Registry } from '#core/http';
import { composeAppRegistry } from './modules';
import type { ServerConfig } from './config';

/** Opens the configured database (PGlite in DATA_DIR, or DATABASE_URL) and migrates it. */
export async function openAppDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'> & Partial<Pick<ServerConfig, 'dbPoolMax'>>): Promise<Database> {
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl, poolMax: config.dbPoolMax } : { dataDir: `${config.dataDir}/pglite`, fromTemplate: true },
  );
  await migrate(database);
  return database;
}

export function makeContext(database: Database, filesDir: string, clock: () => Date = () => new Date(), registry: Registry = composeAppRegistry()): AppContext {
  return { database, db: database.db, clock, filesDir, registry };
}
