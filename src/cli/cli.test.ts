import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './main';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

describe('zhidu CLI', () => {
  // The CLI loads the server modules on demand (issue 11); load them once here, so their
  // transform time under vitest is not counted against each test's time limit.
  beforeAll(async () => {
    await import('#server');
  }, 300_000);

  it('prints help and refuses unknown commands with exit code 2', async () => {
    const a = capture();
    expect(await runCli(['help'], a.io)).toBe(0);
    expect(a.out.join('')).toContain('backup <file>');
    const b = capture();
    expect(await runCli(['frobnicate'], b.io)).toBe(2);
    expect(b.err.join('')).toContain('unknown command');
  });

  it('names what is missing for user add and for restore', async () => {
    const a = capture();
    expect(await runCli(['user', 'add', '--org', 'x'], a.io)).toBe(2);
    expect(a.err.join('')).toContain('--username');
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-cli-'));
    writeFileSync(join(dir, 'bad.json'), '{not json');
    const b = capture();
    expect(await runCli(['restore', join(dir, 'bad.json')], b.io)).toBe(2);
    expect(b.err.join('')).toContain('cannot read');
  });

  it('migrates, seeds, adds a user, backs up, and restores every row into an empty data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-cli-'));
    process.env.DATA_DIR = join(dir, 'a');
    const seed = capture();
    expect(await runCli(['seed', '--demo'], seed.io)).toBe(0);
    expect(seed.out.join('')).toContain('seeded');
    const add = capture();
    expect(
      await runCli(
        ['user', 'add', '--org', 'demo-plant', '--username', 'cli.user', '--name', '命令行用户', '--password', 'cliPass2026', '--role', 'planner'],
        add.io,
      ),
    ).toBe(0);
    const dup = capture();
    await expect(runCli(['user', 'add', '--org', 'demo-plant', '--username', 'cli.user', '--password', 'cliPass2026'], dup.io)).rejects.toThrow(/cli.user/);
    const backupFile = join(dir, 'backup.json.gz');
    const b = capture();
    expect(await runCli(['backup', backupFile], b.io)).toBe(0);
    const rows = Number(/backed up (\d+) rows/.exec(b.out.join(''))?.[1]);
    expect(rows).toBeGreaterThan(40);

    process.env.DATA_DIR = join(dir, 'b');
    const r = capture();
    expect(await runCli(['restore', backupFile], r.io)).toBe(0);
    expect(r.out.join('')).toContain(`restored ${rows} rows`);
    const again = capture();
    expect(await runCli(['restore', backupFile], again.io).catch((e: Error) => e.message)).toMatch(/not empty/);
  }, 120_000);

  it('issue 12 CORE-1: org add makes a school from S2 with its modules and admin; org list shows it; bad input exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-cli-'));
    process.env.DATA_DIR = join(dir, 'orgs');
    const missing = capture();
    expect(await runCli(['org', 'add', '--name', '无模板'], missing.io)).toBe(2);
    expect(missing.err.join('')).toContain('--template');
    const unknown = capture();
    expect(await runCli(['org', 'add', '--name', 'x', '--template', 'T9', '--admin', 'a.b', '--password', 'Kq7!mesa-river-41'], unknown.io)).toBe(2);
    expect(unknown.err.join('')).toContain('unknown template T9');
    const add = capture();
    expect(
      await runCli(
        ['org', 'add', '--name', '城东小学', '--template', 'S2', '--admin', 'east.admin', '--password', 'Kq7!mesa-river-41', '--code', 'east'],
        add.io,
      ),
    ).toBe(0);
    const made = add.out.join('');
    expect(made).toContain('城东小学 (east');
    expect(made).toContain('校本培训管理、团委工作');
    expect(made).toContain('教导处');
    expect(made).toContain('east.admin');
    const list = capture();
    expect(await runCli(['org', 'list'], list.io)).toBe(0);
    expect(list.out.join('')).toMatch(/east\t城东小学\t学校\tS2\t校本培训管理、团委工作\t1 人/);
  }, 600_000);

  it('issue 12: operator add makes the platform organisation and an operator; a duplicate is refused by name; bad input exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhidu-cli-'));
    process.env.DATA_DIR = join(dir, 'operator');
    const missing = capture();
    expect(await runCli(['operator', 'add', '--username', 'ops.one'], missing.io)).toBe(2);
    expect(missing.err.join('')).toContain('--password');
    const first = capture();
    expect(await runCli(['operator', 'add', '--username', 'ops.one', '--password', 'Kq7!mesa-river-41'], first.io)).toBe(0);
    expect(first.out.join('')).toContain('created the platform organisation');
    expect(first.out.join('')).toContain('added operator ops.one');
    const second = capture();
    expect(await runCli(['operator', 'add', '--username', 'ops.two', '--password', 'Kq7!mesa-river-42'], second.io)).toBe(0);
    expect(second.out.join('')).not.toContain('created the platform organisation');
    const dup = capture();
    await expect(runCli(['operator', 'add', '--username', 'ops.one', '--password', 'Kq7!mesa-river-43'], dup.io)).rejects.toThrow(/ops.one/);
    const list = capture();
    expect(await runCli(['org', 'list'], list.io)).toBe(0);
    expect(list.out.join('')).toMatch(/platform\t平台运营\t平台\tplatform\t—\t2 人/);
  }, 600_000);
});
