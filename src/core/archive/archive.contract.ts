import { z } from 'zod';
import { ARCHIVE_CATEGORY_VALUES } from './archive.config';

// What the archive API answers (S2 五.3–五.4): the categories, and an attachment's description.
// The storage key stays on the server: it is never declared, so it can never be sent.

export const ArchiveCategorySchema = z.object({ value: z.string(), zh: z.string(), en: z.string() });

export const AttachmentViewSchema = z.object({
  orgId: z.string(),
  id: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  category: z.string(),
  title: z.string(),
  fileName: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.date(),
  deletedAt: z.date().nullable(),
  deletedBy: z.string().nullable(),
  version: z.number().int(),
  uploaderName: z.string().nullable(),
  ownerName: z.string().nullable(),
});
export type AttachmentInfo = z.infer<typeof AttachmentViewSchema>;

// Requests (issue 16 item 2): the routes declare these, the services take their z.infer types.
export const Entity = z.string().regex(/^[a-z][a-z0-9_.-]{0,59}$/);

export const AttachmentUploadQuery = z.object({
  entity: Entity.optional(),
  entityId: z.string().max(100).optional(),
  ownerUserId: z.uuid().optional(),
  category: z.enum(ARCHIVE_CATEGORY_VALUES).default('other'),
  title: z.string().max(200).optional(),
});

export const AttachmentChangeBody = z.object({
  version: z.number().int(),
  title: z.string().min(1).max(200).optional(),
  category: z.enum(ARCHIVE_CATEGORY_VALUES).optional(),
});

export const AttachmentFilterQuery = z.object({
  category: z.enum(ARCHIVE_CATEGORY_VALUES).optional(),
  entity: Entity.optional(),
  entityId: z.string().max(100).optional(),
  ownerUserId: z.uuid().optional(),
  uploadedBy: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  includeDeleted: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});
