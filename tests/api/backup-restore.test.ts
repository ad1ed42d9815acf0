import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, readBackupArchive, restoreBackup, writeBackupArchive } from '#core/db';
import { buildApp, makeContext } from '#server';
import { createTestDatabase, newOrg, newPerson, signIn, startTestApp, TEST_PASSWORD, type TestApp, type TestDatabase } from '../support';

// Issue 10 item 6: a backup is one archive of rows and attachment files, without sign-in
// sessions, readable by its owner only; a restore brings back every file.
describe('CORE-9 backup and restore with attachments (issue 10 item 6)', () => {
  let t: TestApp;
  let target: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'zhidu-backup-'));
  beforeAll(async () => {
    t = await startTestApp({ filesDir: join(dir, 'files-a') });
    target = await createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
    await target.drop();
  });

  it('CORE-9 restore → every attachment downloads, an old session cookie no longer works, the file is 0600', async () => {
    const { org } = await newOrg(t.ctx.db);
    const admin = await signIn(t.app, (await newPerson(t.ctx.db, org.id, 'all')).username, TEST_PASSWORD);
    const ids: string[] = [];
    const contents = ['%PDF-1.4 first file', '%PDF-1.4 second file with more bytes'];
    for (const [i, text] of contents.entries()) {
      const boundary = 'zhiduBackup';
      const body = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="f${i}.pdf"\r\nContent-Type: application/pdf\r\n\r\n${text}\r\n--${boundary}--\r\n`,
      );
      const r = await admin.request('POST', '/api/attachments?category=record', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
      expect(r.statusCode).toBe(201);
      ids.push(r.json().id);
    }
    const file = join(dir, 'backup.tar.gz');
    const backup = await createBackup(t.database, new Date());
    expect(backup.tables.sessions).toBeUndefined();
    const summary = await writeBackupArchive(file, backup, join(dir, 'files-a'));
    expect(summary).toEqual({ files: 2, missingFiles: [] });
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const restoredFiles = join(dir, 'files-b');
    const read = await readBackupArchive(file, restoredFiles);
    expect(read.files).toBe(2);
    await restoreBackup(target, read.backup);
    const app = await buildApp(makeContext(target, restoredFiles), { logger: false });
    try {
      // The cookie from before the backup: sessions were not backed up.
      const old = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: admin.cookie } });
      expect(old.statusCode).toBe(401);
      const again = await signIn(
        app,
        (await target.query<{ username: string }>('select username from users where org_id = $1 limit 1', [org.id]))[0].username,
        TEST_PASSWORD,
      );
      for (const [i, id] of ids.entries()) {
        const r = await again.get(`/api/attachments/${id}/download`);
        expect(r.statusCode).toBe(200);
        expect(r.body).toBe(contents[i]);
      }
    } finally {
      await app.close();
    }
  });

  it('CORE-9 rewriting an existing backup file leaves it 0600', async () => {
    const file = join(dir, 'again.tar.gz');
    await writeBackupArchive(file, await createBackup(t.database, new Date()), join(dir, 'files-a'));
    await writeBackupArchive(file, await createBackup(t.database, new Date()), join(dir, 'files-a'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
