import { createReadStream } from 'node:fs';
import { z } from 'zod';
import type { Actor } from '../access';
import type { Db } from '../db';
import { orgToday } from '../calendar';
import { AppError } from '../errors';
import { type ExcelTable, exportSheet, requestLocale, XLSX_MIME } from '../excel';
import { actorOf, type RouteModule, sendFile } from '../http';
import { getPolicy } from '../policy';
import { archiveSheet, indexRowOf } from './archive-index';
import { exportArchiveZip } from './archive-zip.service';
import {
  ArchiveCategorySchema,
  AttachmentChangeBody,
  AttachmentFilterQuery,
  type AttachmentInfo,
  AttachmentUploadQuery,
  AttachmentViewSchema,
} from './archive.contract';
import { ARCHIVE_CATEGORIES } from './archive.config';
import {
  type AttachmentFilter,
  deleteAttachment,
  findAttachments,
  getAttachment,
  getAttachmentFile,
  updateAttachment,
  uploadAttachment,
} from './attachment.service';
import { IdParams, VersionQuery } from '../validation';

type FilterQuery = z.infer<typeof AttachmentFilterQuery>;
const toFilter = (q: FilterQuery): AttachmentFilter => ({ ...q, includeDeleted: q.includeDeleted === 'true' });

async function archiveRows(db: Db, actor: Actor, filter: AttachmentFilter) {
  const { calendar } = await getPolicy(db, actor.orgId);
  return (await findAttachments(db, actor, { ...filter, limit: 5000 })).map((a) => indexRowOf(a, calendar.utcOffsetMinutes));
}

// ASCII for old clients, the exact UTF-8 name for everyone else (RFC 6266).
const contentDisposition = (name: string): string =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const archiveExcelTable: ExcelTable = {
  name: 'archive',
  label: { zh: '档案目录', en: 'Archive index' },
  sheet: archiveSheet,
  permission: 'archive.read',
  exportRows: (db, actor) => archiveRows(db, actor, {}),
};

export const archiveRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/archive/categories',
    { schema: { tags: ['archive'], summary: '档案类别 Categories', response: { 200: z.array(ArchiveCategorySchema) } } },
    async () => [...ARCHIVE_CATEGORIES],
  );

  app.get(
    '/attachments',
    {
      schema: {
        tags: ['archive'],
        summary: '档案与附件 Attachments (by record, person, category, date)',
        querystring: AttachmentFilterQuery,
        response: { 200: z.array(AttachmentViewSchema) },
      },
    },
    async (req): Promise<AttachmentInfo[]> => findAttachments(ctx.db, actorOf(req), toFilter(req.query)),
  );

  app.get(
    '/attachments/mine',
    { schema: { tags: ['archive'], summary: '我的档案 My archive', querystring: AttachmentFilterQuery, response: { 200: z.array(AttachmentViewSchema) } } },
    async (req): Promise<AttachmentInfo[]> => findAttachments(ctx.db, actorOf(req), { ...toFilter(req.query), isMine: true }),
  );

  app.post(
    '/attachments',
    {
      config: { permission: 'archive.write' },
      schema: {
        tags: ['archive'],
        summary: '上传（multipart，字段 file；类型与大小受检） Upload',
        querystring: AttachmentUploadQuery,
        response: { 201: AttachmentViewSchema },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw new AppError('VALIDATION_FAILED', '请以表单方式上传文件', 'Upload the file as multipart/form-data', [
          { field: 'file', reason: 'multipart required' },
        ]);
      const view = await uploadAttachment(
        ctx.db,
        actorOf(req),
        { filesDir: ctx.filesDir, now: ctx.clock(), locale: requestLocale(req) },
        req.query,
        async () => {
          const file = await req.file();
          return file ? { fileName: file.filename, stream: file.file } : undefined;
        },
      );
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/attachments/:id',
    { schema: { tags: ['archive'], summary: '附件信息 Attachment', params: IdParams, response: { 200: AttachmentViewSchema } } },
    async (req): Promise<AttachmentInfo> => getAttachment(ctx.db, actorOf(req), req.params.id),
  );

  app.get('/attachments/:id/download', { schema: { tags: ['archive'], summary: '下载 Download', params: IdParams } }, async (req, reply) => {
    const { view, path } = await getAttachmentFile(ctx.db, actorOf(req), ctx.filesDir, req.params.id);
    return reply
      .header('content-type', view.mime)
      .header('content-length', String(view.sizeBytes))
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', contentDisposition(view.fileName))
      .send(createReadStream(path));
  });

  app.patch(
    '/attachments/:id',
    {
      config: { permission: 'archive.write' },
      schema: {
        tags: ['archive'],
        summary: '修改标题或类别 Change title or category',
        params: IdParams,
        body: AttachmentChangeBody,
        response: { 200: AttachmentViewSchema },
      },
    },
    async (req): Promise<AttachmentInfo> => updateAttachment(ctx.db, actorOf(req), req.params.id, req.body),
  );

  app.delete(
    '/attachments/:id',
    {
      config: { permission: 'archive.write' },
      schema: {
        tags: ['archive'],
        summary: '删除（保留文件，可审计） Delete (soft)',
        params: IdParams,
        querystring: VersionQuery,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteAttachment(ctx.db, actorOf(req), req.params.id, { version: req.query.version, now: ctx.clock() });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/archive/export',
    { schema: { tags: ['archive'], summary: '导出档案目录 Export the archive index (xlsx)', querystring: AttachmentFilterQuery } },
    async (req, reply) => {
      const locale = requestLocale(req);
      const rows = await archiveRows(ctx.db, actorOf(req), toFilter(req.query));
      const day = await orgToday(ctx.db, actorOf(req).orgId, ctx.clock());
      return sendFile(reply, `档案目录-${day}.xlsx`, XLSX_MIME, await exportSheet(archiveSheet, rows, locale));
    },
  );

  app.get(
    '/archive/export.zip',
    {
      config: { permission: 'archive.read' },
      schema: {
        tags: ['archive'],
        summary: '导出档案文件（zip：按类别分文件夹，附档案目录） Export the archive files as a zip (a folder per category, with the index)',
        querystring: AttachmentFilterQuery,
      },
    },
    async (req, reply) => {
      const zip = await exportArchiveZip(ctx.db, actorOf(req), { filesDir: ctx.filesDir, now: ctx.clock(), locale: requestLocale(req) }, toFilter(req.query));
      zip.stream.on('warning', (err) => req.log.warn({ err }, 'archive zip: a file was skipped'));
      return reply
        .header('content-type', 'application/zip')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(zip.fileName))
        .send(zip.stream);
    },
  );
};
