import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#server';
import { createTestDatabase, type TestDatabase, testRegistry } from '#test-support';
import { createBackup, findForwardReferences, orderByDependencies, restoreBackup } from './backup';

describe('backup and restore', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await seedDemo(source.db, testRegistry, new Date('2026-03-01T00:00:00Z'));
  });
  afterAll(async () => {
    await source.drop();
    await target.drop();
  });

  it('orders parents before children', () => {
    expect(
      orderByDependencies([
        { name: 'b', dependsOn: ['a'] },
        { name: 'c', dependsOn: ['b', 'a'] },
        { name: 'a', dependsOn: [] },
      ]),
    ).toEqual(['a', 'b', 'c']);
  });

  it('finds the references of a cycle that point at a table restored later', () => {
    const keys = [
      { child: 'plans', parent: 'requests', name: 'plans_request_fkey' },
      { child: 'requests', parent: 'plans', name: 'requests_plan_fkey' },
      { child: 'requests', parent: 'orgs', name: 'requests_org_fkey' },
      { child: 'orgs', parent: 'orgs', name: 'orgs_parent_fkey' },
    ];
    expect(findForwardReferences(['orgs', 'plans', 'requests'], keys)).toEqual([keys[0]]);
  });

  it('restores into an empty database every row of every table, identical', async () => {
    const backup = await createBackup(source, new Date('2026-03-02T00:00:00Z'));
    const total = Object.values(backup.tables).reduce((n, rows) => n + rows.length, 0);
    expect(total).toBeGreaterThan(40);
    // Through JSON, as the CLI writes it to a file.
    const counts = await restoreBackup(target, JSON.parse(JSON.stringify(backup)));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(total);
    const again = await createBackup(target, new Date('2026-03-02T00:00:00Z'));
    expect(again.tables).toEqual(backup.tables);
  });

  it('refuses to restore over existing data, and changes nothing', async () => {
    const backup = await createBackup(source, new Date());
    await expect(restoreBackup(source, backup)).rejects.toThrow(/not empty/);
    const after = await createBackup(source, new Date());
    expect(after.tables).toEqual(backup.tables);
  });

  it('continues identity columns after the restored ids', async () => {
    const [row] = await target.query<{ n: number }>('select max(id)::int as n from audit_log');
    const [orgRow] = await target.query<{ org_id: string }>('select org_id from audit_log limit 1');
    const [inserted] = await target.query<{ id: number }>(
      "insert into audit_log (org_id, action, entity, entity_id) values ($1, 'test', 'x', 'y') returning id::int as id",
      [orgRow.org_id],
    );
    expect(inserted.id).toBeGreaterThan(row.n);
  });
});
