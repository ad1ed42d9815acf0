import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../access';
import { writeAudit } from '../audit';
import type { Db } from '../db';
import { versionConflict } from '../errors';
import { type DepartmentKind, departments, findDepartments, NewDepartmentBody } from '../org';
import type { ExcelTable, ImportRow } from './excel.registry';
import { RowErrors } from './row-errors';
import { checkRow } from './row-schema';
import { defineSheet, type SheetRow } from './sheet.definition';

const KINDS: { value: DepartmentKind; zh: string; en: string }[] = [
  { value: 'department', zh: '部门', en: 'Department' },
  { value: 'workshop', zh: '车间', en: 'Workshop' },
  { value: 'teaching_group', zh: '教研组', en: 'Teaching group' },
  { value: 'leadership_group', zh: '领导小组', en: 'Leadership group' },
  { value: 'league', zh: '团委', en: 'Youth League' },
];

export const departmentsSheet = defineSheet({
  name: 'departments',
  columns: [
    { key: 'name', header: { zh: '名称', en: 'Name' }, type: 'string', required: true, width: 20 },
    { key: 'kind', header: { zh: '类型', en: 'Kind' }, type: 'enum', required: true, enumValues: KINDS, width: 12 },
    { key: 'parent', header: { zh: '上级部门', en: 'Parent' }, type: 'string', width: 20 },
    { key: 'sort', header: { zh: '排序', en: 'Order' }, type: 'integer', width: 8 },
  ],
});

async function exportDepartments(db: Db, actor: Actor): Promise<SheetRow[]> {
  const rows = await findDepartments(db, actor);
  const nameOf = new Map(rows.map((d) => [d.id, d.name]));
  return rows.map((d) => ({ name: d.name, kind: d.kind, parent: d.parentId ? (nameOf.get(d.parentId) ?? null) : null, sort: d.sort }));
}

function findCycle(parentOf: Map<string, string | null>, start: string): boolean {
  const seen = new Set<string>();
  let at: string | null | undefined = start;
  while (at) {
    if (seen.has(at)) return true;
    seen.add(at);
    at = parentOf.get(at);
  }
  return false;
}

/**
 * A known name updates that department; parents may be departments of the same file.
 * Each row's name and kind are checked by POST /org/departments' own schema (issue 16), by row and column;
 * the parent is checked by name.
 */
async function importDepartments(tx: Db, actor: Actor, rows: ImportRow[]) {
  const errors = new RowErrors(departmentsSheet, actor.locale);
  const existing = await findDepartments(tx, actor);
  const byName = new Map(existing.map((d) => [d.name, d]));
  const parentOf = new Map<string, string | null>(existing.map((d) => [d.name, existing.find((p) => p.id === d.parentId)?.name ?? null]));
  const inFile = new Map<string, number>();
  for (const { rowNumber, values } of rows) {
    const name = String(values.name).trim();
    checkRow(errors, rowNumber, NewDepartmentBody, { name, kind: values.kind });
    if (inFile.has(name)) errors.add(rowNumber, 'name', `与第 ${inFile.get(name)} 行重复`, `duplicates row ${inFile.get(name)}`);
    inFile.set(name, rowNumber);
    const parent = values.parent === null ? null : String(values.parent).trim();
    if (parent === name) errors.add(rowNumber, 'parent', '上级部门不能是自己', 'cannot be its own parent');
    parentOf.set(name, parent);
  }
  for (const { rowNumber, values } of rows) {
    const parent = values.parent === null ? null : String(values.parent).trim();
    if (parent && !byName.has(parent) && !inFile.has(parent)) errors.add(rowNumber, 'parent', `上级部门不存在：${parent}`, `unknown parent: ${parent}`);
    else if (parent && parent !== String(values.name).trim() && findCycle(parentOf, String(values.name).trim())) {
      errors.add(rowNumber, 'parent', '上级关系形成循环', 'the parents form a loop');
    }
  }
  errors.throwIfAny();

  let inserted = 0;
  let updated = 0;
  const ids = new Map(existing.map((d) => [d.name, d.id]));
  for (const { values } of rows) {
    const name = String(values.name).trim();
    if (ids.has(name)) continue;
    const [row] = await tx
      .insert(departments)
      .values({ orgId: actor.orgId, name, kind: values.kind as DepartmentKind, sort: (values.sort as number | null) ?? existing.length + inserted })
      .returning();
    ids.set(name, row.id);
    await writeAudit(tx, actor, { action: 'department.create', entity: 'department', entityId: row.id, after: row });
    inserted++;
  }
  for (const { values } of rows) {
    const name = String(values.name).trim();
    const id = ids.get(name)!;
    const before = byName.get(name);
    const parentId = values.parent === null ? null : (ids.get(String(values.parent).trim()) ?? null);
    const kind = values.kind as DepartmentKind;
    const sort = (values.sort as number | null) ?? before?.sort;
    if (!before && parentId === null) continue;
    if (before && before.kind === kind && before.parentId === parentId && before.sort === sort) continue;
    const [after] = await tx
      .update(departments)
      .set({ kind, parentId, sort, version: sql`${departments.version} + 1` })
      .where(and(eq(departments.orgId, actor.orgId), eq(departments.id, id), ...(before ? [eq(departments.version, before.version)] : [])))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, { action: 'department.update', entity: 'department', entityId: id, before: before ?? null, after });
    if (before) updated++;
  }
  return { inserted, updated };
}

export const departmentsExcelTable: ExcelTable = {
  name: 'departments',
  label: { zh: '部门', en: 'Departments' },
  sheet: departmentsSheet,
  permission: 'admin.org',
  exportRows: exportDepartments,
  importRows: importDepartments,
};
