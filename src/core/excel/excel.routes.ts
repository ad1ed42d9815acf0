import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors';
import { actorOf, type RouteModule, sendFile } from '../http';
import { getOrganisation } from '../org';
import { ExcelTableViewSchema, type ImportJob, ImportJobSchema, ImportSummarySchema, PrintHeaderSchema } from './excel.contract';
import { buildExcelTemplate, exportExcelTable, findImportJobs, findUsableExcelTables, importExcelTable } from './excel.service';
import type { SheetLocale } from './sheet.definition';
import { importFailed } from './sheet.reader';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The language a response is written in: the page's choice first, then the account's. */
export function requestLocale(req: FastifyRequest): SheetLocale {
  const explicit = req.headers['x-locale'];
  if (typeof explicit === 'string') return explicit.startsWith('en') ? 'en' : 'zh-CN';
  return req.actor?.locale ?? 'zh-CN';
}

async function readUploadedWorkbook(req: FastifyRequest): Promise<{ fileName: string; buffer: Buffer }> {
  if (!req.isMultipart())
    throw new AppError('VALIDATION_FAILED', '请以表单方式上传文件', 'Upload the file as multipart/form-data', [
      { field: 'file', reason: 'multipart required' },
    ]);
  const file = await req.file();
  if (!file) throw new AppError('VALIDATION_FAILED', '缺少上传文件', 'No file was uploaded', [{ field: 'file', reason: 'required' }]);
  const buffer = await file.toBuffer();
  if (!/\.xlsx$/i.test(file.filename) || buffer.subarray(0, 4).compare(ZIP_MAGIC) !== 0) {
    throw importFailed([{ reason: requestLocale(req) === 'en' ? 'only .xlsx workbooks can be imported' : '只能导入 .xlsx 格式的 Excel 文件' }]);
  }
  return { fileName: file.filename, buffer };
}

const Name = z.object({ name: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/) });

export const excelRoutes: RouteModule = (app, ctx) => {
  // The header of printed forms (CORE-11): the organisation's name as it appears on paper.
  app.get('/print/header', { schema: { tags: ['excel'], summary: '打印表头 Header of printed forms', response: { 200: PrintHeaderSchema } } }, async (req) => {
    const org = await getOrganisation(ctx.db, actorOf(req).orgId);
    return { organisation: org?.name ?? '' };
  });

  app.get(
    '/excel/tables',
    { schema: { tags: ['excel'], summary: '可导入导出的数据表 Tables for Excel', response: { 200: z.array(ExcelTableViewSchema) } } },
    async (req) => findUsableExcelTables(ctx.registry.excelTables, actorOf(req)),
  );

  app.get('/excel/:name/template', { schema: { tags: ['excel'], summary: '下载模板 Download template', params: Name } }, async (req, reply) => {
    const file = await buildExcelTemplate(ctx.registry.excelTables, actorOf(req), req.params.name, requestLocale(req));
    return sendFile(reply, file.fileName, XLSX_MIME, file.body);
  });

  app.get('/excel/:name/export', { schema: { tags: ['excel'], summary: '导出 Export', params: Name } }, async (req, reply) => {
    const file = await exportExcelTable(ctx.db, ctx.registry.excelTables, actorOf(req), req.params.name, requestLocale(req), ctx.clock());
    return sendFile(reply, file.fileName, XLSX_MIME, file.body);
  });

  app.post(
    '/excel/:name/import',
    {
      config: { permission: 'excel.import' },
      schema: { tags: ['excel'], summary: '导入（全部成功或全部不写入） Import, all or nothing', params: Name, response: { 200: ImportSummarySchema } },
    },
    async (req) => {
      const actor = actorOf(req);
      const { fileName, buffer } = await readUploadedWorkbook(req);
      return importExcelTable(ctx.db, ctx.registry.excelTables, actor, {
        name: req.params.name,
        fileName,
        buffer,
        locale: requestLocale(req),
        now: ctx.clock(),
      });
    },
  );

  app.get(
    '/excel/:name/imports',
    { schema: { tags: ['excel'], summary: '导入记录 Import history', params: Name, response: { 200: z.array(ImportJobSchema) } } },
    async (req): Promise<ImportJob[]> => findImportJobs(ctx.db, ctx.registry.excelTables, actorOf(req), req.params.name),
  );
};
