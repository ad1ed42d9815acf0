export { DEFAULT_POOL_MAX, openDatabase } from './client';
export type { Database, DatabaseConfig, Db } from './client';
export { LOCK_KEYS, migrate, migrationsDir } from './migrate';
export type { MigrationResult } from './migrate';
export { createBackup, orderByDependencies, restoreBackup, TABLES_NOT_BACKED_UP } from './backup';
export type { BackupFile } from './backup';
export { readBackupArchive, writeBackupArchive } from './backup-archive';
export type { ArchiveSummary } from './backup-archive';
export { isForeignKeyViolation, isUniqueViolation } from './db-errors';
