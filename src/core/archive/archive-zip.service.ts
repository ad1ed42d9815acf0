import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Archiver } from 'archiver';
import { type Actor, requireAccess } from '../access';
import { orgToday } from '../calendar';
import type { Db } from '../db';
import { exportSheet, type SheetLocale } from '../excel';
import { getPolicy } from '../policy';
import { archiveZipIndexSheet, indexRowOf } from './archive-index';
import { ARCHIVE_CONFIG } from './archive.config';
import { type AttachmentFilter, findAttachmentFiles } from './attachment.service';
import { assertZipSelection, planZipPaths, zipIndexName } from './zip-paths.rules';

export interface ArchiveZip {
  /** The download's name. */
  fileName: string;
  /** The zip, produced as it is read: one file open at a time, never the whole archive in memory. */
  stream: Archiver;
}

const isFile = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/**
 * Opens each file only when the one before is in the zip, so one file is open at a time and a download
 * the client abandons closes it (the response destroys the zip, the zip closes the open file).
 */
function appendInTurn(zip: Archiver, files: readonly { path: string; name: string; date: Date }[]): void {
  let next = 0;
  let open: ReadStream | undefined;
  let isClosed = false;
  zip.on('close', () => {
    isClosed = true;
    open?.destroy();
  });
  zip.on('entry', () => {
    if (isClosed) return;
    const file = files[next++];
    if (!file) {
      // Errors reach the reader through the stream; the promise only repeats them.
      if (next === files.length + 1) zip.finalize().catch(() => undefined);
      return;
    }
    open = createReadStream(file.path);
    zip.append(open, { name: file.name, date: file.date });
  });
}

/**
 * The files a filter selects (the visibility of findAttachments) as one zip (CORE-9, issue 14 item 13):
 * a folder per category named in the request's language, safe unique file names, and the archive index
 * at the root with each file's path in the zip. A file missing on disk stays in the index, noted 缺失.
 * A selection over the configured limit is refused before anything is sent.
 */
export async function exportArchiveZip(
  db: Db,
  actor: Actor,
  storage: { filesDir: string; now: Date; locale: SheetLocale },
  filter: AttachmentFilter,
): Promise<ArchiveZip> {
  requireAccess(actor, 'archive.read');
  const { calendar } = await getPolicy(db, actor.orgId);
  const { zipMaxFiles, zipMaxBytes } = ARCHIVE_CONFIG;
  const rows = await findAttachmentFiles(db, actor, filter, zipMaxFiles + 1);
  assertZipSelection({ files: rows.length, bytes: rows.reduce((sum, a) => sum + a.sizeBytes, 0) }, { maxFiles: zipMaxFiles, maxBytes: zipMaxBytes });

  const onDisk: boolean[] = [];
  for (const a of rows) onDisk.push(await isFile(join(storage.filesDir, a.storageKey)));
  const present = rows.filter((_, i) => onDisk[i]);
  const paths = planZipPaths(present, storage.locale);
  const pathOf = new Map(present.map((a, i) => [a.id, paths[i]]));
  const missing = storage.locale === 'en' ? 'Missing' : '缺失';
  const index = await exportSheet(
    archiveZipIndexSheet,
    rows.map((a) => ({ ...indexRowOf(a, calendar.utcOffsetMinutes), path: pathOf.get(a.id) ?? null, note: pathOf.has(a.id) ? null : missing })),
    storage.locale,
  );

  // Loaded with the first zip, not when the server starts (issue 11).
  const { default: archiver } = await import('archiver');
  const zip = archiver('zip', { zlib: { level: 6 } });
  appendInTurn(
    zip,
    present.map((a) => ({ path: join(storage.filesDir, a.storageKey), name: pathOf.get(a.id)!, date: a.uploadedAt })),
  );
  zip.append(index, { name: zipIndexName(storage.locale), date: storage.now });
  // The date the organisation is living, not the UTC one (a Shanghai morning is yesterday in UTC).
  const day = await orgToday(db, actor.orgId, storage.now);
  return { fileName: storage.locale === 'en' ? `archive-files-${day}.zip` : `档案文件-${day}.zip`, stream: zip };
}
