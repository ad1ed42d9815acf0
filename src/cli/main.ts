import type { BackupFile } from '#core/db';
import { AppError } from '#core/errors';
import type { openAppDatabase } from '#server';

// Every command loads its own modules on demand (dynamic import): `zhidu --help` loads
// nothing, `zhidu plan mrp` only the planning kernels, and only the server commands load
// fastify, the database drivers and the business modules.

const HELP = `制度 Zhidu — 用法 usage: zhidu <command>

  start                         启动服务 start the server (same as npm start)
  migrate                       升级数据库结构 apply database migrations
  seed --demo                   写入示例数据 seed the two demo organisations
                                (PGlite 首次启动自动写入；PostgreSQL 上仅在此命令时写入
                                 automatic on PGlite's first start; on PostgreSQL only by this command)
  org add --name <名称> --template T1|T2|T3|T4|S1|S2|S3|S4|D1 --admin <用户名> --password <密码>
                                按制度模板新建组织 create an organisation from a template
  org list                      列出组织 list organisations
  operator add --username <用户名> --password <密码>
                                新增平台运营账号 add a platform operator (creates the platform organisation if missing)
  user add --org <code> --username <u> --name <显示名> --password <p> [--role r1,r2]
                                新增用户 add a user
  db template                   预建嵌入式数据库模板，新库秒开（npm install 时自动运行）
                                make the embedded database's template: new databases open in
                                well under a second (npm install runs it)
  backup <file>                 备份全部数据与附件到一个文件（仅所有者可读）
                                back up every row and attachment file to one archive (mode 0600)
  restore <file>                从备份恢复到空数据库（含附件） restore into an empty database, files included
  plan mrp|aggregate|capacity --input in.json [--output out.json]
                                计划计算 planning kernels on files

环境变量 env: DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite, default ./data), PORT, DB_POOL_MAX`;

type Io = { stdout: (s: string) => void; stderr: (s: string) => void };

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function withDatabase<T>(fn: (database: Awaited<ReturnType<typeof openAppDatabase>>) => Promise<T>): Promise<T> {
  const { openAppDatabase, readConfig } = await import('#server');
  const database = await openAppDatabase(readConfig());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start': {
      const { startServer } = await import('#server');
      await startServer();
      return -1;
    }
    case 'db': {
      if (rest[0] !== 'template') {
        io.stderr('db: 用法 usage: zhidu db template\n');
        return 2;
      }
      const { buildPgliteTemplate, ensurePgliteTemplate } = await import('#core/db');
      const { path, made } = await ensurePgliteTemplate(buildPgliteTemplate);
      io.stdout(made ? `已生成数据库模板 template made: ${path}\n` : `数据库模板已是最新 template up to date: ${path}\n`);
      return 0;
    }
    case 'migrate':
      return withDatabase(async () => {
        io.stdout('数据库已是最新 migrations applied\n');
        return 0;
      });
    case 'seed': {
      if (!rest.includes('--demo')) {
        io.stderr('seed: 目前只支持 --demo / only --demo is supported\n');
        return 2;
      }
      const { composeAppRegistry, seedDemoOnce } = await import('#server');
      return withDatabase(async (database) => {
        // Under the first-start lock: safe while app processes are starting on the same database.
        const r = await seedDemoOnce(database, composeAppRegistry(), new Date());
        io.stdout(
          r.seeded ? `已写入示例数据 seeded (${r.logins.length} logins, password ${r.password})\n` : '已有数据，未重复写入 data present; nothing seeded\n',
        );
        return 0;
      });
    }
    case 'user': {
      if (rest[0] !== 'add') {
        io.stderr('user: 用法 usage: zhidu user add --org <code> --username <u> --name <n> --password <p> [--role r1,r2]\n');
        return 2;
      }
      const orgCode = flag(rest, 'org');
      const username = flag(rest, 'username');
      const displayName = flag(rest, 'name') ?? username;
      const password = flag(rest, 'password');
      if (!orgCode || !username || !password || !displayName) {
        io.stderr('user add: 需要 --org --username --password / --org, --username and --password are required\n');
        return 2;
      }
      const { systemActor } = await import('#core/access');
      const { addPerson, findOrganisationByCode } = await import('#core/org');
      return withDatabase(async (database) => {
        const org = await findOrganisationByCode(database.db, orgCode);
        if (!org) {
          io.stderr(`user add: 组织不存在 unknown organisation "${orgCode}"\n`);
          return 2;
        }
        const actor = systemActor(org.id);
        const roles = flag(rest, 'role')?.split(',').filter(Boolean) ?? [];
        const p = await addPerson(database.db, actor, { username, displayName, password, roles });
        io.stdout(`已新增用户 added ${p.username} (${p.id})\n`);
        return 0;
      });
    }
    case 'backup': {
      const file = rest[0];
      if (!file) {
        io.stderr('backup: 需要文件名 a file name is required\n');
        return 2;
      }
      const { createBackup, writeBackupArchive } = await import('#core/db');
      const { readConfig } = await import('#server');
      return withDatabase(async (database) => {
        const backup = await createBackup(database, new Date());
        const archive = await writeBackupArchive(file, backup, readConfig().filesDir);
        const rows = Object.values(backup.tables).reduce((n, t) => n + t.length, 0);
        io.stdout(`已备份 backed up ${rows} rows from ${Object.keys(backup.tables).length} tables and ${archive.files} files to ${file}\n`);
        if (archive.missingFiles.length) io.stderr(`注意 note: ${archive.missingFiles.length} attachment file(s) were already missing on disk\n`);
        return 0;
      });
    }
    case 'restore': {
      const file = rest[0];
      if (!file) {
        io.stderr('restore: 需要文件名 a file name is required\n');
        return 2;
      }
      const { readBackupArchive, restoreBackup } = await import('#core/db');
      const { readConfig } = await import('#server');
      let backup: BackupFile;
      let files = 0;
      try {
        ({ backup, files } = await readBackupArchive(file, readConfig().filesDir));
      } catch (err) {
        io.stderr(`restore: 无法读取备份文件 cannot read ${file}: ${(err as Error).message}\n`);
        return 2;
      }
      return withDatabase(async (database) => {
        const counts = await restoreBackup(database, backup);
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        io.stdout(`已恢复 restored ${rows} rows and ${files} files\n`);
        return 0;
      });
    }
    case 'org': {
      const { runOrgCommand } = await import('./org.command');
      return runOrgCommand(rest, io);
    }
    case 'operator': {
      const { runOperatorCommand } = await import('./operator.command');
      return runOperatorCommand(rest, io);
    }
    case 'plan': {
      // Loaded on demand: the solver's WASM is not needed to start the server.
      const { runPlanCommand } = await import('./plan.command');
      return runPlanCommand(rest, io);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout(`${HELP}\n`);
      return 0;
    default:
      io.stderr(`未知命令 unknown command "${command}"\n\n${HELP}\n`);
      return 2;
  }
}

export async function main(): Promise<void> {
  const io: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };
  try {
    const code = await runCli(process.argv.slice(2), io);
    if (code >= 0) process.exit(code);
  } catch (err) {
    // A user-facing line, never a stack trace.
    if (err instanceof AppError) io.stderr(`${err.message}\n${err.messageEn}\n`);
    else io.stderr(`错误 error: ${(err as Error).message}\n`);
    process.exit(err instanceof AppError ? 2 : 1);
  }
}
