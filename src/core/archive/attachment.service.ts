import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { and, desc, eq, getTableColumns, gte, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, hasPermission, requireAccess } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { AppError, invalidField, notFound, versionConflict } from '../errors';
import { users } from '../org';
import { getPolicy } from '../policy';
import { ARCHIVE_CONFIG, type ArchiveCategory } from './archive.config';
import { attachments } from './attachment.schema';
import { checkUpload, cleanFileName } from './file-check.rules';
import { discardFile, moveFile, receiveFile } from './file-store';

export interface AttachmentMeta {
  entity?: string | null;
  entityId?: string | null;
  ownerUserId?: string | null;
  category: ArchiveCategory;
  title?: string | null;
}

export interface IncomingFile {
  fileName: string;
  stream: Readable & { truncated?: boolean };
}

export interface StorageContext {
  filesDir: string;
  now: Date;
  /** The language of a refusal's reason. */
  locale?: 'zh-CN' | 'en';
}

/** The policy's archive.maxUploadMb when it has one, else the configured default. */
export async function getMaxUploadBytes(db: Db, orgId: string): Promise<number> {
  const policy = (await getPolicy(db, orgId)) as { archive?: { maxUploadMb?: number } };
  return (policy.archive?.maxUploadMb ?? ARCHIVE_CONFIG.defaultMaxUploadMb) * 1024 * 1024;
}

async function assertOwner(db: Db, orgId: string, ownerUserId: string | null | undefined): Promise<void> {
  if (!ownerUserId) return;
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, ownerUserId)));
  if (!u) throw invalidField('ownerUserId', '人员不存在', 'unknown person');
}

/**
 * Checks the metadata, then reads the file (openFile is called only when they are fine),
 * checks its type and size, and stores it under files/<org>/<year>/<id>. A refused or failed
 * upload leaves no file behind; the row and its audit entry commit together.
 */
export async function uploadAttachment(db: Db, actor: Actor, storage: StorageContext, meta: AttachmentMeta, openFile: () => Promise<IncomingFile | undefined>) {
  requireAccess(actor, 'archive.write');
  if (!!meta.entity !== !!meta.entityId) throw invalidField('entityId', '记录类型与记录编号须同时填写', 'entity and entityId go together');
  await assertOwner(db, actor.orgId, meta.ownerUserId);
  const maxBytes = await getMaxUploadBytes(db, actor.orgId);
  const file = await openFile();
  if (!file) throw new AppError('VALIDATION_FAILED', '缺少上传文件', 'No file was uploaded', [{ field: 'file', reason: 'required' }]);
  const id = randomUUID();
  const year = String(storage.now.getUTCFullYear());
  const received = await receiveFile(file.stream, join(storage.filesDir, actor.orgId, year), maxBytes);
  const storageKey = `${actor.orgId}/${year}/${id}`;
  const finalPath = join(storage.filesDir, storageKey);
  const fileName = cleanFileName(file.fileName);
  try {
    const { mime } = checkUpload(
      { fileName, head: received.head, sizeBytes: received.sizeBytes, isTruncated: received.isTruncated },
      maxBytes,
      storage.locale ?? actor.locale,
    );
    const row = {
      orgId: actor.orgId,
      id,
      entity: meta.entity ?? null,
      entityId: meta.entityId ?? null,
      ownerUserId: meta.ownerUserId ?? null,
      category: meta.category,
      title: meta.title?.trim() || fileName.replace(/\.[^.]+$/, ''),
      fileName,
      mime,
      sizeBytes: received.sizeBytes,
      sha256: received.sha256,
      storageKey,
      uploadedBy: actor.userId,
      uploadedAt: storage.now,
    };
    await db.transaction(async (tx) => {
      await tx.insert(attachments).values(row);
      await writeAudit(tx, actor, { action: 'attachment.upload', entity: 'attachment', entityId: id, after: { ...row, storageKey: undefined } });
      // Last step inside the transaction: if the move fails, the row is rolled back too.
      await moveFile(received.tempPath, finalPath);
    });
  } catch (err) {
    await discardFile(received.tempPath);
    await discardFile(finalPath);
    throw err;
  }
  return getAttachment(db, actor, id);
}

export interface AttachmentFilter {
  category?: string;
  entity?: string;
  entityId?: string;
  ownerUserId?: string;
  uploadedBy?: string;
  /** Only the actor's own archive: files about them or uploaded by them. */
  isMine?: boolean;
  from?: string;
  to?: string;
  includeDeleted?: boolean;
  limit?: number;
}

const uploader = alias(users, 'uploader');
const owner = alias(users, 'owner');

const mineOf = (actor: Actor): SQL => or(eq(attachments.ownerUserId, actor.userId), eq(attachments.uploadedBy, actor.userId))!;

// Without archive.read a person still sees their own archive.
function whereOf(actor: Actor, f: AttachmentFilter): SQL {
  const where: SQL[] = [eq(attachments.orgId, actor.orgId)];
  if (f.isMine || !hasPermission(actor, 'archive.read')) where.push(mineOf(actor));
  if (!(f.includeDeleted && hasPermission(actor, 'admin.org'))) where.push(isNull(attachments.deletedAt));
  if (f.category) where.push(eq(attachments.category, f.category));
  if (f.entity) where.push(eq(attachments.entity, f.entity));
  if (f.entityId) where.push(eq(attachments.entityId, f.entityId));
  if (f.ownerUserId) where.push(eq(attachments.ownerUserId, f.ownerUserId));
  if (f.uploadedBy) where.push(eq(attachments.uploadedBy, f.uploadedBy));
  if (f.from) where.push(gte(attachments.uploadedAt, new Date(`${f.from}T00:00:00Z`)));
  if (f.to) where.push(lt(attachments.uploadedAt, sql`(${f.to}::date + 1)::timestamptz`));
  return and(...where)!;
}

function selectViews(db: Db) {
  // The storage key stays on the server.
  const { storageKey: _key, ...columns } = getTableColumns(attachments);
  return db
    .select({ ...columns, uploaderName: uploader.displayName, ownerName: owner.displayName })
    .from(attachments)
    .leftJoin(uploader, and(eq(uploader.orgId, attachments.orgId), eq(uploader.id, attachments.uploadedBy)))
    .leftJoin(owner, and(eq(owner.orgId, attachments.orgId), eq(owner.id, attachments.ownerUserId)));
}

export type AttachmentView = Awaited<ReturnType<typeof findAttachments>>[number];

export async function findAttachments(db: Db, actor: Actor, filter: AttachmentFilter) {
  return selectViews(db)
    .where(whereOf(actor, filter))
    .orderBy(desc(attachments.uploadedAt), desc(attachments.id))
    .limit(Math.min(filter.limit ?? 200, 5000));
}

/**
 * The files of a filter as findAttachments sees them (same visibility), each with its storage key,
 * newest first, at most limit rows (no 5000 cap: a caller asks for one more than it allows).
 */
export async function findAttachmentFiles(db: Db, actor: Actor, filter: AttachmentFilter, limit: number) {
  return db
    .select({ ...getTableColumns(attachments), uploaderName: uploader.displayName, ownerName: owner.displayName })
    .from(attachments)
    .leftJoin(uploader, and(eq(uploader.orgId, attachments.orgId), eq(uploader.id, attachments.uploadedBy)))
    .leftJoin(owner, and(eq(owner.orgId, attachments.orgId), eq(owner.id, attachments.ownerUserId)))
    .where(whereOf(actor, filter))
    .orderBy(desc(attachments.uploadedAt), desc(attachments.id))
    .limit(limit);
}

export async function getAttachment(db: Db, actor: Actor, id: string) {
  const [row] = await selectViews(db).where(and(eq(attachments.id, id), whereOf(actor, {})));
  if (!row) throw notFound('附件', 'Attachment');
  return row;
}

/** Where the file lives on disk; 404 when the row is not visible or the file went missing. */
export async function getAttachmentFile(db: Db, actor: Actor, filesDir: string, id: string) {
  const view = await getAttachment(db, actor, id);
  const [{ storageKey }] = await db
    .select({ storageKey: attachments.storageKey })
    .from(attachments)
    .where(and(eq(attachments.orgId, actor.orgId), eq(attachments.id, id)));
  const path = join(filesDir, storageKey);
  if (!existsSync(path)) throw notFound('附件文件', 'Attachment file');
  return { view, path };
}

// The uploader manages their own files; an organisation admin manages all.
function assertCanChange(actor: Actor, row: { uploadedBy: string }): void {
  requireAccess(actor, 'archive.write');
  if (row.uploadedBy !== actor.userId && !hasPermission(actor, 'admin.org')) {
    throw new AppError('FORBIDDEN', '只有上传人或管理员可以修改或删除该附件', 'Only the uploader or an administrator may change or delete this file');
  }
}

export async function updateAttachment(db: Db, actor: Actor, id: string, change: { version: number; title?: string; category?: ArchiveCategory }) {
  const before = await getAttachment(db, actor, id);
  assertCanChange(actor, before);
  if (change.title !== undefined && !change.title.trim()) throw invalidField('title', '标题不能为空', 'is required');
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(attachments)
      .set({ title: change.title?.trim(), category: change.category, version: sql`${attachments.version} + 1` })
      .where(and(eq(attachments.orgId, actor.orgId), eq(attachments.id, id), eq(attachments.version, change.version), isNull(attachments.deletedAt)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'attachment.update',
      entity: 'attachment',
      entityId: id,
      before: { title: before.title, category: before.category },
      after: { title: after.title, category: after.category },
    });
  });
  return getAttachment(db, actor, id);
}

/** Soft delete: the row and the file stay; the entry leaves the lists; the audit keeps who and when. */
export async function deleteAttachment(db: Db, actor: Actor, id: string, input: { version: number; now: Date }) {
  const before = await getAttachment(db, actor, id);
  assertCanChange(actor, before);
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(attachments)
      .set({ deletedAt: input.now, deletedBy: actor.userId, version: sql`${attachments.version} + 1` })
      .where(and(eq(attachments.orgId, actor.orgId), eq(attachments.id, id), eq(attachments.version, input.version), isNull(attachments.deletedAt)))
      .returning({ id: attachments.id });
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'attachment.delete',
      entity: 'attachment',
      entityId: id,
      before: { title: before.title, fileName: before.fileName, category: before.category },
    });
  });
}
