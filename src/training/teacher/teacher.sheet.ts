import { and, eq } from 'drizzle-orm';
import type { Actor } from '#core/access';
import type { Db } from '#core/db';
import { AppError } from '#core/errors';
import { checkRow, defineSheet, type ExcelTable, type ImportRow, RowErrors, rowBody, type SheetRow } from '#core/excel';
import { findDepartments, users } from '#core/org';
import {
  BACKBONE_LABELS,
  BACKBONE_LEVELS,
  type BackboneLevel,
  LEADERSHIP_LABELS,
  LEADERSHIP_ROLES,
  type LeadershipRole,
  STAGE_LABELS,
  TEACHER_STAGES,
  type TeacherStage,
} from './teacher.schema';
import { TeacherBody, type TeacherInput } from './teacher.contract';
import { addTeacher, findTeachers, updateTeacher } from './teacher.service';

const TeacherRowBody = TeacherBody.omit({ userId: true, groupId: true });

const enumOf = <K extends string>(keys: readonly K[], labels: Record<K, { zh: string; en: string }>) => keys.map((value) => ({ value, ...labels[value] }));

/** The staff list (教师名单): exported and imported with the same columns. */
export const teachersSheet = defineSheet({
  name: 'teachers',
  columns: [
    { key: 'staffNo', header: { zh: '工号', en: 'Staff no.' }, type: 'string', required: true, width: 10 },
    { key: 'name', header: { zh: '姓名', en: 'Name' }, type: 'string', required: true, width: 10 },
    { key: 'username', header: { zh: '登录账号', en: 'Account' }, type: 'string', width: 16 },
    { key: 'group', header: { zh: '教研组', en: 'Group' }, type: 'string', width: 14 },
    { key: 'subject', header: { zh: '学科', en: 'Subject' }, type: 'string', width: 10 },
    { key: 'grades', header: { zh: '任教年级', en: 'Grades' }, type: 'string', width: 14 },
    { key: 'title', header: { zh: '职称', en: 'Title' }, type: 'string', width: 12 },
    { key: 'stage', header: { zh: '发展阶段', en: 'Stage' }, type: 'enum', enumValues: enumOf(TEACHER_STAGES, STAGE_LABELS), width: 10 },
    { key: 'backboneLevel', header: { zh: '骨干级别', en: 'Backbone level' }, type: 'enum', enumValues: enumOf(BACKBONE_LEVELS, BACKBONE_LABELS), width: 12 },
    {
      key: 'leadershipRole',
      header: { zh: '培训领导小组', en: 'Leadership group' },
      type: 'enum',
      enumValues: enumOf(LEADERSHIP_ROLES, LEADERSHIP_LABELS),
      width: 12,
    },
    { key: 'phone', header: { zh: '手机', en: 'Mobile' }, type: 'string', width: 14 },
    { key: 'joinedOn', header: { zh: '任教日期', en: 'Teaching since' }, type: 'date', width: 12 },
    { key: 'isActive', header: { zh: '在职', en: 'Active' }, type: 'boolean', width: 8 },
  ],
});

const str = (v: SheetRow[string]): string | null => (v === null || v === undefined ? null : String(v).trim() || null);

async function exportTeachers(db: Db, actor: Actor): Promise<SheetRow[]> {
  const rows = await findTeachers(db, actor);
  return rows.map((t) => ({
    staffNo: t.staffNo,
    name: t.name,
    username: t.username,
    group: t.groupName,
    subject: t.subject,
    grades: t.grades,
    title: t.title,
    stage: t.stage,
    backboneLevel: t.backboneLevel,
    leadershipRole: t.leadershipRole,
    phone: t.phone,
    joinedOn: t.joinedOn,
    isActive: t.isActive,
  }));
}

const reasonOf = (e: unknown, locale: 'zh-CN' | 'en'): string =>
  e instanceof AppError ? (locale === 'en' ? e.messageEn.replace(/^[^:]+: /, '') : e.message.replace(/^[^：]+：/, '')) : String(e);

/** An existing staff number updates the teacher; a new one adds them. All rows or none. */
async function importTeachers(tx: Db, actor: Actor, rows: ImportRow[], context: { now: Date }) {
  const errors = new RowErrors(teachersSheet, actor.locale);
  const [existing, groups, accounts] = await Promise.all([
    findTeachers(tx, actor),
    findDepartments(tx, actor),
    tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId))),
  ]);
  const byStaffNo = new Map(existing.map((t) => [t.staffNo, t]));
  const groupByName = new Map(groups.map((g) => [g.name, g.id]));
  const userByName = new Map(accounts.map((u) => [u.username.toLowerCase(), u.id]));
  const seen = new Map<string, number>();
  const planned: { row: ImportRow; input: TeacherInput & { isActive?: boolean } }[] = [];
  for (const row of rows) {
    const v = row.values;
    const staffNo = String(v.staffNo).trim();
    if (seen.has(staffNo)) errors.add(row.rowNumber, 'staffNo', `与第 ${seen.get(staffNo)} 行重复`, `duplicates row ${seen.get(staffNo)}`);
    seen.set(staffNo, row.rowNumber);
    const input: TeacherInput & { isActive?: boolean } = {
      staffNo,
      name: String(v.name).trim(),
      subject: str(v.subject),
      grades: str(v.grades),
      title: str(v.title),
      phone: str(v.phone),
      joinedOn: str(v.joinedOn),
      backboneLevel: (str(v.backboneLevel) as BackboneLevel | null) ?? null,
      leadershipRole: (str(v.leadershipRole) as LeadershipRole | null) ?? null,
    };
    if (v.stage !== null) input.stage = v.stage as TeacherStage;
    if (v.isActive !== null) input.isActive = v.isActive === true;
    const group = str(v.group);
    if (group !== null) {
      input.groupId = groupByName.get(group);
      if (!input.groupId) errors.add(row.rowNumber, 'group', `教研组不存在：${group}`, `unknown group: ${group}`);
    }
    const username = str(v.username);
    if (username !== null) {
      input.userId = userByName.get(username.toLowerCase());
      if (!input.userId) errors.add(row.rowNumber, 'username', `账号不存在：${username}`, `unknown account: ${username}`);
    }
    // What POST /training/teachers refuses, the file refuses (issue 16); group and account come as names.
    const { isActive: _active, groupId: _group, userId: _user, ...fields } = input;
    if (checkRow(errors, row.rowNumber, TeacherRowBody, rowBody(fields))) planned.push({ row, input });
  }
  errors.throwIfAny();
  let inserted = 0;
  let updated = 0;
  for (const { row, input } of planned) {
    try {
      const before = byStaffNo.get(input.staffNo);
      if (!before) {
        const { isActive: _ignored, ...fresh } = input;
        await addTeacher(tx, actor, fresh);
        inserted++;
      } else {
        await updateTeacher(tx, actor, before.id, { ...input, version: before.version }, context.now);
        updated++;
      }
    } catch (e) {
      if (!(e instanceof AppError) || e.code === 'FORBIDDEN') throw e;
      const field = e.details?.[0]?.field;
      errors.add(row.rowNumber, field === 'userId' ? 'username' : field === 'groupId' ? 'group' : field, reasonOf(e, 'zh-CN'), reasonOf(e, 'en'));
    }
  }
  errors.throwIfAny();
  return { inserted, updated };
}

export const teachersExcelTable: ExcelTable = {
  name: 'training-teachers',
  label: { zh: '教师名单', en: 'Teacher register' },
  sheet: teachersSheet,
  permission: 'training.teacher.manage',
  exportRows: exportTeachers,
  importRows: importTeachers,
};
