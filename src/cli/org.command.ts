import { count, eq } from 'drizzle-orm';
import { findEnabledModules, findOrganisations, users } from '#core/org';
import { composeAppRegistry, createOrganisationFromTemplate, isOrgTemplate, ORG_TEMPLATES, openAppDatabase, readConfig } from '#server';

// zhidu org add | list (issue 12, CORE-1): a school or plant that installs Zhidu creates itself.

export interface OrgCommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `用法 usage:
  zhidu org add --name <名称> --template ${ORG_TEMPLATES.join('|')} --admin <用户名> --password <密码> [--code <代码>]
                新建组织：模板的制度参数、部门/教研组、角色、模块与管理员账号
                create an organisation from a template: its policy, departments, roles, modules and admin
  zhidu org list
                列出组织 list organisations`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runOrgCommand(args: string[], io: OrgCommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add' && sub !== 'list') {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  if (sub === 'add') {
    const name = flag(rest, 'name');
    const template = flag(rest, 'template');
    const username = flag(rest, 'admin');
    const password = flag(rest, 'password');
    if (!name || !template || !username || !password) {
      io.stderr(`org add: 需要 --name --template --admin --password / --name, --template, --admin and --password are required\n${USAGE}\n`);
      return 2;
    }
    if (!isOrgTemplate(template)) {
      io.stderr(`org add: 没有模板 ${template} / unknown template ${template} (${ORG_TEMPLATES.join(', ')})\n`);
      return 2;
    }
    const registry = composeAppRegistry();
    const label = (code: string) => registry.modules.find((m) => m.name === code)?.label.zh ?? code;
    return withDatabase(async (db) => {
      const made = await createOrganisationFromTemplate(db, registry, { name, template, code: flag(rest, 'code'), admin: { username, password } });
      io.stdout(
        [
          `已新建组织 created organisation ${made.name} (${made.code}, ${made.kind === 'enterprise' ? '企业 plant' : made.kind === 'district' ? '学区 district' : '学校 school'}, 模板 template ${made.template})`,
          `  模块 modules: ${made.modules.map(label).join('、') || '—'}`,
          `  制度参数 policy: 版本 version ${made.policyVersion}（模板 ${made.template}）`,
          `  部门 departments: ${made.departments.join('、')}`,
          `  角色 roles: ${made.roles.join(', ')}`,
          `  管理员 admin: ${made.admin.username}`,
          '',
        ].join('\n'),
      );
      return 0;
    });
  }
  const registry = composeAppRegistry();
  return withDatabase(async (db) => {
    const orgs = await findOrganisations(db);
    if (!orgs.length) {
      io.stdout('还没有组织 no organisations yet\n');
      return 0;
    }
    for (const org of orgs) {
      const [{ people }] = await db.select({ people: count() }).from(users).where(eq(users.orgId, org.id));
      const enabled = new Set(await findEnabledModules(db, org.id));
      const modules =
        registry.optionalModules
          .filter((m) => enabled.has(m.name))
          .map((m) => m.label.zh)
          .join('、') || '—';
      const kind = org.kind === 'enterprise' ? '企业' : org.kind === 'school' ? '学校' : org.kind === 'district' ? '学区' : '平台';
      const state = org.disabledAt ? `\t已停用 disabled: ${org.disabledReason ?? ''}` : '';
      io.stdout(`${org.code}\t${org.name}\t${kind}\t${org.template}\t${modules}\t${people} 人${state}\n`);
    }
    return 0;
  });
}

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openAppDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openAppDatabase(readConfig());
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}
