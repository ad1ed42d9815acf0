import { addOperator } from '#core/platform';
import { composeAppRegistry, openAppDatabase, readConfig } from '#server';

// zhidu operator add (issue 12): the platform operator, a role above organisations. Makes the
// platform organisation first when it is missing, then the operator's account.

export interface OperatorCommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE = `用法 usage:
  zhidu operator add --username <用户名> --password <密码> [--name <显示名>]
                新增平台运营账号（没有平台组织时先建立）
                add a platform operator (the platform organisation is made first when missing)`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function runOperatorCommand(args: string[], io: OperatorCommandIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const username = flag(rest, 'username');
  const password = flag(rest, 'password');
  if (!username || !password) {
    io.stderr(`operator add: 需要 --username --password / --username and --password are required\n${USAGE}\n`);
    return 2;
  }
  const database = await openAppDatabase(readConfig());
  try {
    const made = await addOperator(database.db, composeAppRegistry(), { username, password, displayName: flag(rest, 'name') });
    if (made.platformCreated) io.stdout('已建立平台组织 created the platform organisation (platform)\n');
    io.stdout(`已新增平台运营账号 added operator ${made.operator.username}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
