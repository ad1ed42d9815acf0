import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPgliteTemplate, openDatabase } from './client';
import { migrate, migrationsDir } from './migrate';
import { ensurePgliteTemplate, pgliteTemplatePath, readPgliteTemplate } from './pglite-template';

// Issue 11 (cold start): a new embedded database starts from the migrated template instead of
// initdb and every migration; one that already has data is never touched by it.

const scratch = mkdtempSync(join(tmpdir(), 'zhidu-template-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const countMigrations = async (database: Awaited<ReturnType<typeof openDatabase>>) =>
  (await database.query<{ n: number }>('select count(*)::int as n from schema_migrations'))[0].n;

describe('issue 11: the embedded database starts from a migrated template', () => {
  it('issue 11: the template is made once per set of migrations, and a new or changed migration asks for another', async () => {
    const dir = join(scratch, 'project', 'migrations');
    cpSync(migrationsDir, dir, { recursive: true });
    const first = await ensurePgliteTemplate(() => buildPgliteTemplate(), dir);
    expect(first.made).toBe(true);
    expect(existsSync(first.path)).toBe(true);
    expect(first.path.startsWith(join(scratch, 'project', 'node_modules', '.cache', 'zhidu'))).toBe(true);
    const again = await ensurePgliteTemplate(() => Promise.reject(new Error('must not build again')), dir);
    expect(again).toEqual({ path: first.path, made: false });
    writeFileSync(join(dir, '9999_later.sql'), 'create table later_one (id int);');
    expect(pgliteTemplatePath(dir)).not.toBe(first.path);
    expect(readPgliteTemplate(dir)).toBeUndefined();
  });

  it('issue 11: a new in-memory database from the template is fully migrated; without the option it is empty', async () => {
    await ensurePgliteTemplate(buildPgliteTemplate);
    const fromTemplate = await openDatabase({ fromTemplate: true });
    try {
      const { applied, skipped } = await migrate(fromTemplate);
      expect(applied).toEqual([]);
      expect(skipped).toBe(await countMigrations(fromTemplate));
      expect(skipped).toBeGreaterThan(30);
      // A table of a late migration is there and usable.
      await fromTemplate.query("select count(*) from district_links where state = 'requested'");
    } finally {
      await fromTemplate.close();
    }
    const plain = await openDatabase({});
    try {
      const tables = await plain.query<{ n: number }>("select count(*)::int as n from pg_tables where schemaname = 'public'");
      expect(tables[0].n).toBe(0);
    } finally {
      await plain.close();
    }
  });

  it('issue 11: a data directory that already holds a database keeps its data; the template fills only a new one', async () => {
    await ensurePgliteTemplate(buildPgliteTemplate);
    const dataDir = join(scratch, 'data');
    const created = await openDatabase({ dataDir, fromTemplate: true });
    await migrate(created);
    await created.exec("create table kept (v text); insert into kept values ('一行数据');");
    await created.close();
    const reopened = await openDatabase({ dataDir, fromTemplate: true });
    try {
      expect(await reopened.query<{ v: string }>('select v from kept')).toEqual([{ v: '一行数据' }]);
      expect((await migrate(reopened)).applied).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
