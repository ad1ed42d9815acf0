export { openDatabase } from './client';
export type { Database, DatabaseConfig, Db } from './client';
export { migrate, migrationsDir } from './migrate';
export type { MigrationResult } from './migrate';
export { createBackup, orderByDependencies, restoreBackup } from './backup';
export type { BackupFile } from './backup';
