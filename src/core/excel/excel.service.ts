import { and, desc, eq } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { AppError, notFound } from '../errors';
import type { ExcelTable, ExcelTables, ImportSummary } from './excel.registry';
import { importJobs } from './excel.schema';
import type { SheetLocale } from './sheet.definition';
import { parseSheet } from './sheet-worker';
import { exportSheet } from './sheet.writer';

export interface ExcelTableView {
  name: string;
  label: { zh: string; en: string };
  columns: { key: string; header: { zh: string; en: string }; type: string; required: boolean }[];
  /** The table accepts imports at all (some are export-only). */
  isImportable: boolean;
  /** This person may import it. */
  canImport: boolean;
}

export function findUsableExcelTables(tables: ExcelTables, actor: Actor): ExcelTableView[] {
  return tables
    .list()
    .filter((t) => hasPermission(actor, t.permission))
    .map((t) => ({
      name: t.name,
      label: t.label,
      columns: t.sheet.columns.map((c) => ({ key: c.key, header: c.header, type: c.type, required: !!c.required })),
      isImportable: !!t.importRows,
      canImport: !!t.importRows && hasPermission(actor, 'excel.import'),
    }));
}

function getUsableTable(tables: ExcelTables, actor: Actor, name: string): ExcelTable {
  const table = tables.find(name);
  if (!table) throw notFound('Excel 数据表', 'Excel table');
  requireAccess(actor, table.permission);
  return table;
}

export async function buildExcelTemplate(tables: ExcelTables, actor: Actor, name: string, locale: SheetLocale) {
  const table = getUsableTable(tables, actor, name);
  return { fileName: `${table.label.zh}-模板.xlsx`, body: await exportSheet(table.sheet, [], locale) };
}

export async function exportExcelTable(db: Db, tables: ExcelTables, actor: Actor, name: string, locale: SheetLocale, now: Date) {
  const table = getUsableTable(tables, actor, name);
  const rows = await table.exportRows(db, actor);
  // Named by the organisation's day, not UTC's (an export at 07:00 in Beijing is today's).
  // Loaded here, not at the top: the calendar's own sheets import this module.
  const { orgToday } = await import('../calendar');
  const day = await orgToday(db, actor.orgId, now);
  return { fileName: `${table.label.zh}-${day}.xlsx`, body: await exportSheet(table.sheet, rows, locale) };
}

export interface ImportRequest {
  name: string;
  fileName: string;
  buffer: Buffer;
  locale: SheetLocale;
  now: Date;
}

/**
 * All or nothing: the whole file is checked first, then every row is written in one
 * transaction; any bad row refuses the file and nothing changes.
 */
export async function importExcelTable(db: Db, tables: ExcelTables, actor: Actor, req: ImportRequest): Promise<ImportSummary> {
  const table = getUsableTable(tables, actor, req.name);
  requireAccess(actor, 'excel.import');
  const importRows = table.importRows;
  if (!importRows) throw new AppError('INVALID_STATE', `${table.label.zh}只能导出，不能导入`, `${table.label.en} is export-only`);
  try {
    const parsed = await parseSheet(table.sheet, req.buffer, { locale: req.locale });
    const rows = parsed.rows.map((values, i) => ({ rowNumber: parsed.rowNumbers[i], values }));
    return await db.transaction(async (tx) => {
      const summary = await importRows(tx, actor, rows, { now: req.now });
      const [job] = await tx
        .insert(importJobs)
        .values({
          orgId: actor.orgId,
          tableName: table.name,
          fileName: req.fileName,
          status: 'succeeded',
          ...summary,
          createdBy: actor.userId,
          createdAt: req.now,
        })
        .returning({ id: importJobs.id });
      await writeAudit(tx, actor, {
        action: 'excel.import',
        entity: 'import_job',
        entityId: job.id,
        after: { table: table.name, fileName: req.fileName, rows: rows.length, ...summary },
      });
      return summary;
    });
  } catch (e) {
    // The refusal is kept (outside the rolled-back transaction) so admins see what was tried.
    if (e instanceof AppError && e.code === 'IMPORT_FAILED') {
      await db.insert(importJobs).values({
        orgId: actor.orgId,
        tableName: table.name,
        fileName: req.fileName,
        status: 'failed',
        errors: (e.details ?? []).slice(0, 500),
        createdBy: actor.userId,
        createdAt: req.now,
      });
    }
    throw e;
  }
}

export async function findImportJobs(db: Db, tables: ExcelTables, actor: Actor, name: string) {
  getUsableTable(tables, actor, name);
  return db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.orgId, actor.orgId), eq(importJobs.tableName, name)))
    .orderBy(desc(importJobs.createdAt))
    .limit(20);
}
