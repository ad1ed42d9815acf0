export { attachments } from './attachment.schema';
export { ARCHIVE_CATEGORIES, ARCHIVE_CATEGORY_VALUES, ARCHIVE_CONFIG } from './archive.config';
export type { ArchiveCategory } from './archive.config';
export {
  deleteAttachment,
  findAttachments,
  getAttachment,
  getAttachmentFile,
  getMaxUploadBytes,
  updateAttachment,
  uploadAttachment,
} from './attachment.service';
export type { AttachmentFilter, AttachmentMeta, AttachmentView, IncomingFile, StorageContext } from './attachment.service';
export { exportArchiveZip } from './archive-zip.service';
export { ALLOWED_FILE_TYPES, checkUpload, cleanFileName } from './file-check.rules';
export { archiveModule } from './archive.module';
export { ArchiveCategorySchema, AttachmentViewSchema } from './archive.contract';
export type { AttachmentInfo } from './archive.contract';
