import { and, inArray, ne } from 'drizzle-orm';
import type { Actor } from '../access';
import { assertStrongPassword } from '../auth';
import type { Db } from '../db';
import { AppError } from '../errors';
import { addPerson, findDepartments, findPeople, findRoles, NewPersonBody, PersonChangeBody, type PersonView, updatePerson, users } from '../org';
import type { ExcelTable, ImportRow } from './excel.registry';
import { RowErrors } from './row-errors';
import { checkRow, rowBody } from './row-schema';
import { defineSheet, type SheetRow } from './sheet.definition';

export const peopleSheet = defineSheet({
  name: 'people',
  columns: [
    { key: 'username', header: { zh: '用户名', en: 'Username' }, type: 'string', required: true, width: 18 },
    { key: 'displayName', header: { zh: '姓名', en: 'Name' }, type: 'string', required: true, width: 12 },
    { key: 'department', header: { zh: '部门', en: 'Department' }, type: 'string', width: 16 },
    { key: 'positions', header: { zh: '职务', en: 'Positions' }, type: 'string', width: 18 },
    { key: 'roles', header: { zh: '角色', en: 'Roles' }, type: 'string', width: 24 },
    { key: 'phone', header: { zh: '手机', en: 'Mobile' }, type: 'string', width: 14 },
    { key: 'password', header: { zh: '初始密码', en: 'Initial password' }, type: 'string', width: 14 },
  ],
});

// People type lists with whichever separator their keyboard gives them.
export const splitList = (text: string | number | boolean | null): string[] =>
  text === null
    ? []
    : String(text)
        .split(/[、,，;；/\n]/)
        .map((s) => s.trim())
        .filter(Boolean);

const str = (v: SheetRow[string]): string | null => (v === null ? null : String(v).trim() || null);

const reasonOf = (e: unknown, locale: 'zh-CN' | 'en'): string =>
  e instanceof AppError ? (locale === 'en' ? e.messageEn.replace(/^[^:]+: /, '') : e.message.replace(/^[^：]+：/, '')) : String(e);

interface PlannedPerson {
  row: ImportRow;
  username: string;
  existing?: PersonView;
  departmentId?: string | null;
  roles?: string[];
  positions?: string[];
}

async function exportPeople(db: Db, actor: Actor): Promise<SheetRow[]> {
  const people = await findPeople(db, actor, new Date(0));
  const depts = await findDepartments(db, actor);
  const roles = await findRoles(db, actor);
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  const roleName = new Map(roles.map((r) => [r.code, actor.locale === 'en' ? r.nameEn : r.nameZh]));
  return people.map((p) => ({
    username: p.username,
    displayName: p.displayName,
    department: p.departmentId ? (deptName.get(p.departmentId) ?? null) : null,
    positions: p.positions.join('、') || null,
    roles: p.roles.map((r) => roleName.get(r) ?? r).join('、') || null,
    phone: p.phone,
    password: null,
  }));
}

/** A field of the people routes' bodies as the column of the sheet it comes from. */
const columnOfField = (path: readonly PropertyKey[]): string | undefined => {
  const field = path.length ? String(path[0]) : undefined;
  return field === 'departmentId' ? 'department' : field;
};

/**
 * An existing username updates the person; an empty cell keeps what they have.
 * Each row is checked by the routes' own schemas (issue 16): what POST /org/people (a new person)
 * or PATCH /org/people/:id (a known one) refuses, the sheet refuses, by row and column.
 */
async function importPeople(tx: Db, actor: Actor, rows: ImportRow[], context: { now: Date }) {
  const errors = new RowErrors(peopleSheet, actor.locale);
  // Derived here, not when the module loads: the org module's index reaches back to this module.
  // The part of PATCH /org/people/:id a row can carry (the version is the person's own), and
  // POST /org/people without the password for a new row whose missing password has words of its own.
  const PersonRowChange = PersonChangeBody.omit({ version: true });
  const NewPersonRowWithoutPassword = NewPersonBody.omit({ password: true });
  // One after another: a transaction is one connection, which runs one query at a time.
  const people = await findPeople(tx, actor, context.now);
  const depts = await findDepartments(tx, actor);
  const roles = await findRoles(tx, actor);
  const byUsername = new Map(people.map((p) => [p.username.toLowerCase(), p]));
  const deptByName = new Map(depts.map((d) => [d.name, d.id]));
  const roleByName = new Map<string, string>();
  for (const r of roles) for (const n of [r.code, r.nameZh, r.nameEn]) roleByName.set(n.toLowerCase(), r.code);
  const names = rows.map((r) => String(r.values.username).trim());
  const elsewhere = names.length
    ? new Set(
        (
          await tx
            .select({ username: users.username })
            .from(users)
            .where(and(inArray(users.username, names), ne(users.orgId, actor.orgId)))
        ).map((u) => u.username.toLowerCase()),
      )
    : new Set<string>();

  const seen = new Map<string, number>();
  const plan: PlannedPerson[] = [];
  for (const row of rows) {
    const v = row.values;
    const username = String(v.username).trim();
    const key = username.toLowerCase();
    const n = row.rowNumber;
    if (seen.has(key)) errors.add(n, 'username', `与第 ${seen.get(key)} 行重复`, `duplicates row ${seen.get(key)}`);
    seen.set(key, n);
    if (elsewhere.has(key)) errors.add(n, 'username', '用户名已被其他组织使用', 'username is taken by another organisation');
    const item: PlannedPerson = { row, username, existing: byUsername.get(key) };
    const dept = str(v.department);
    if (dept !== null) {
      item.departmentId = deptByName.get(dept);
      if (!item.departmentId) errors.add(n, 'department', `部门不存在：${dept}`, `unknown department: ${dept}`);
    }
    if (v.roles !== null) {
      const wanted = splitList(v.roles);
      const unknown = wanted.filter((w) => !roleByName.has(w.toLowerCase()));
      if (unknown.length) errors.add(n, 'roles', `角色不存在：${unknown.join('、')}`, `unknown role(s): ${unknown.join(', ')}`);
      item.roles = [...new Set(wanted.map((w) => roleByName.get(w.toLowerCase()) ?? w))];
    }
    if (v.positions !== null) item.positions = splitList(v.positions);
    const password = str(v.password);
    // The department is checked by name above; the schema sees the row as the route would.
    const body = rowBody({ displayName: str(v.displayName), positions: item.positions ?? null, phone: str(v.phone), roles: item.roles ?? null });
    if (item.existing) checkRow(errors, n, PersonRowChange, body, columnOfField);
    else if (password === null) {
      errors.add(n, 'password', '新人员须填写初始密码', 'a new person needs an initial password');
      checkRow(errors, n, NewPersonRowWithoutPassword, { username, ...body }, columnOfField);
    } else {
      checkRow(errors, n, NewPersonBody, { username, ...body, password }, columnOfField);
      try {
        assertStrongPassword(password, 'password', item.username);
      } catch (e) {
        errors.add(n, 'password', reasonOf(e, 'zh-CN'), reasonOf(e, 'en'));
      }
    }
    plan.push(item);
  }
  errors.throwIfAny();

  let inserted = 0;
  let updated = 0;
  for (const item of plan) {
    const v = item.row.values;
    try {
      if (!item.existing) {
        await addPerson(tx, actor, {
          username: item.username,
          displayName: String(v.displayName).trim(),
          password: String(v.password).trim(),
          departmentId: item.departmentId ?? null,
          positions: item.positions ?? [],
          phone: str(v.phone),
          roles: item.roles ?? [],
        });
        inserted++;
        continue;
      }
      const p = item.existing;
      const change = {
        displayName: String(v.displayName).trim(),
        departmentId: item.departmentId,
        positions: item.positions,
        phone: str(v.phone) ?? undefined,
        roles: item.roles,
      };
      const isSame =
        change.displayName === p.displayName &&
        (change.departmentId === undefined || change.departmentId === p.departmentId) &&
        (change.positions === undefined || change.positions.join('|') === p.positions.join('|')) &&
        (change.phone === undefined || change.phone === p.phone) &&
        (change.roles === undefined || [...change.roles].sort().join('|') === p.roles.join('|'));
      if (isSame) continue;
      await updatePerson(tx, actor, p.id, { version: p.version, ...change }, context.now);
      updated++;
    } catch (e) {
      if (!(e instanceof AppError) || e.code === 'FORBIDDEN') throw e;
      const column = e.details?.[0]?.field;
      errors.add(item.row.rowNumber, column === 'departmentId' ? 'department' : column, reasonOf(e, 'zh-CN'), reasonOf(e, 'en'));
    }
  }
  errors.throwIfAny();
  return { inserted, updated };
}

export const peopleExcelTable: ExcelTable = {
  name: 'people',
  label: { zh: '人员名单', en: 'People' },
  sheet: peopleSheet,
  permission: 'admin.users',
  exportRows: exportPeople,
  importRows: importPeople,
};
