import { localDateOf } from '../calendar';
import { defineSheet, type SheetRow } from '../excel';
import { ARCHIVE_CATEGORIES } from './archive.config';
import type { AttachmentView } from './attachment.service';

/** The archive index (档案目录): one row per file. */
export const archiveSheet = defineSheet({
  name: 'archive',
  columns: [
    { key: 'uploadedAt', header: { zh: '上传日期', en: 'Uploaded on' }, type: 'date', width: 12 },
    { key: 'category', header: { zh: '类别', en: 'Category' }, type: 'enum', enumValues: [...ARCHIVE_CATEGORIES], width: 10 },
    { key: 'title', header: { zh: '标题', en: 'Title' }, type: 'string', width: 30 },
    { key: 'fileName', header: { zh: '文件名', en: 'File name' }, type: 'string', width: 30 },
    { key: 'sizeKb', header: { zh: '大小（KB）', en: 'Size (KB)' }, type: 'number', width: 10 },
    { key: 'owner', header: { zh: '所属人员', en: 'Person' }, type: 'string', width: 12 },
    { key: 'record', header: { zh: '关联记录', en: 'Record' }, type: 'string', width: 30 },
    { key: 'uploader', header: { zh: '上传人', en: 'Uploaded by' }, type: 'string', width: 12 },
    { key: 'sha256', header: { zh: 'SHA-256', en: 'SHA-256' }, type: 'string', width: 20 },
  ],
});

/** The index inside a zip export: where each file sits in the zip, or why it is not there. */
export const archiveZipIndexSheet = defineSheet({
  name: 'archive',
  columns: [
    ...archiveSheet.columns,
    { key: 'path', header: { zh: '压缩包内路径', en: 'Path in the zip' }, type: 'string', width: 40 },
    { key: 'note', header: { zh: '备注', en: 'Note' }, type: 'string', width: 16 },
  ],
});

/** One attachment's row; its upload day is the organisation's (`utcOffsetMinutes` of its policy), not UTC's. */
export const indexRowOf = (a: AttachmentView, utcOffsetMinutes: number): SheetRow => ({
  uploadedAt: localDateOf(a.uploadedAt, utcOffsetMinutes),
  category: a.category,
  title: a.title,
  fileName: a.fileName,
  sizeKb: Math.ceil(a.sizeBytes / 1024),
  owner: a.ownerName,
  record: a.entity ? `${a.entity}/${a.entityId}` : null,
  uploader: a.uploaderName,
  sha256: a.sha256,
});
