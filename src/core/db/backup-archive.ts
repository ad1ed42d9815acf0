import { createWriteStream, existsSync, fchmodSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, gunzipSync } from 'node:zlib';
import type { BackupFile } from './backup';

// One backup archive (tar.gz): backup.json (every row but sessions) and files/<storage key>
// for every attachment, so a restore brings the files back with the rows that name them.
// It holds password hashes and QR secrets: written 0600, readable by its owner only.

const BACKUP_ENTRY = 'backup.json';
// What the app writes as storage keys: <org uuid>/<year>/<uuid>; nothing else is extracted.
const STORAGE_KEY = /^[0-9a-f-]{36}\/\d{4}\/[0-9a-f-]{36}$/;

const storageKeysOf = (backup: BackupFile): string[] =>
  (backup.tables.attachments ?? []).map((r) => (r as { storage_key?: string }).storage_key).filter((k): k is string => !!k && STORAGE_KEY.test(k));

export interface ArchiveSummary {
  files: number;
  missingFiles: string[];
}

/** Writes the archive at `file`, mode 0600 (also when the file existed before). */
export async function writeBackupArchive(file: string, backup: BackupFile, filesDir: string): Promise<ArchiveSummary> {
  const fd = openSync(file, 'w', 0o600);
  fchmodSync(fd, 0o600);
  const { default: tar } = await import('tar-stream');
  const pack = tar.pack();
  const done = pipeline(pack, createGzip(), createWriteStream('', { fd }));
  const json = Buffer.from(JSON.stringify(backup));
  pack.entry({ name: BACKUP_ENTRY, size: json.length, mode: 0o600 }, json);
  const missingFiles: string[] = [];
  let files = 0;
  for (const key of storageKeysOf(backup)) {
    const path = join(filesDir, key);
    if (!existsSync(path)) {
      missingFiles.push(key);
      continue;
    }
    const body = await readFile(path);
    pack.entry({ name: `files/${key}`, size: body.length, mode: 0o600 }, body);
    files++;
  }
  pack.finalize();
  await done;
  return { files, missingFiles };
}

const isGzip = (head: Buffer) => head[0] === 0x1f && head[1] === 0x8b;

/**
 * Reads an archive (or a plain .json / .json.gz backup of earlier versions) and puts its
 * files under filesDir; returns the rows to restore.
 */
export async function readBackupArchive(file: string, filesDir: string): Promise<{ backup: BackupFile; files: number }> {
  const raw = await readFile(file);
  const plain = isGzip(raw) ? gunzipSync(raw) : raw;
  // A tar archive has "ustar" at offset 257 of its first header.
  if (plain.subarray(257, 262).toString('latin1') !== 'ustar') return { backup: JSON.parse(plain.toString('utf8')) as BackupFile, files: 0 };
  const root = resolve(filesDir);
  let backup: BackupFile | undefined;
  let files = 0;
  const { default: tar } = await import('tar-stream');
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: unknown) => chunks.push(c as Buffer));
    stream.on('end', () => {
      const body = Buffer.concat(chunks);
      if (header.name === BACKUP_ENTRY) backup = JSON.parse(body.toString('utf8')) as BackupFile;
      else if (header.name.startsWith('files/') && STORAGE_KEY.test(header.name.slice(6))) {
        const target = resolve(root, header.name.slice(6));
        if (target.startsWith(root + sep)) {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, body, { mode: 0o600 });
          files++;
        }
      }
      next();
    });
    stream.resume();
  });
  await new Promise<void>((done, fail) => {
    extract.on('finish', done);
    extract.on('error', fail);
    extract.end(plain);
  });
  if (!backup) throw new Error('not a Zhidu backup archive (no backup.json)');
  return { backup, files };
}
