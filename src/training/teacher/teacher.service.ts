import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { departments, users } from '#core/org';
import { requireTrainingRead } from '../common';
import { type TeacherRow, trainingTeachers } from './teacher.schema';
import type { TeacherChange, TeacherInput, TeacherViewData } from './teacher.contract';

export type TeacherView = TeacherViewData;

export interface TeacherFilter {
  groupId?: string;
  isActive?: boolean;
  q?: string;
}

function selectViews(db: Db) {
  return db
    .select({ t: trainingTeachers, groupName: departments.name, username: users.username })
    .from(trainingTeachers)
    .leftJoin(departments, and(eq(departments.orgId, trainingTeachers.orgId), eq(departments.id, trainingTeachers.groupId)))
    .leftJoin(users, and(eq(users.orgId, trainingTeachers.orgId), eq(users.id, trainingTeachers.userId)));
}

const toView = (r: { t: TeacherRow; groupName: string | null; username: string | null }): TeacherView => ({
  ...r.t,
  groupName: r.groupName,
  username: r.username,
});

export async function findTeachers(db: Db, actor: Actor, filter: TeacherFilter = {}): Promise<TeacherView[]> {
  requireTrainingRead(actor);
  const where: SQL[] = [eq(trainingTeachers.orgId, actor.orgId)];
  if (filter.groupId) where.push(eq(trainingTeachers.groupId, filter.groupId));
  if (filter.isActive !== undefined) where.push(eq(trainingTeachers.isActive, filter.isActive));
  if (filter.q?.trim()) {
    const like = `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(trainingTeachers.name, like), ilike(trainingTeachers.staffNo, like), ilike(trainingTeachers.subject, like))!);
  }
  const rows = await selectViews(db)
    .where(and(...where))
    .orderBy(asc(departments.sort), asc(trainingTeachers.staffNo));
  return rows.map(toView);
}

/** Another organisation's teacher is simply not found. */
export async function getTeacher(db: Db, actor: Actor, id: string): Promise<TeacherView> {
  requireTrainingRead(actor);
  const [row] = await selectViews(db).where(and(eq(trainingTeachers.orgId, actor.orgId), eq(trainingTeachers.id, id)));
  if (!row) throw notFound('教师', 'Teacher');
  return toView(row);
}

/** The teacher profile linked to a user account, if any. */
export async function findTeacherOfUser(db: Db, orgId: string, userId: string): Promise<TeacherRow | undefined> {
  const [row] = await db
    .select()
    .from(trainingTeachers)
    .where(and(eq(trainingTeachers.orgId, orgId), eq(trainingTeachers.userId, userId)));
  return row;
}

/** The person signed in has no active profile in the teacher register. */
export const notInRegister = () =>
  invalidState('您的账号尚未关联教师名单，请联系教导处', 'Your account is not linked to the teacher register; ask the teaching-affairs office');

/** The signed-in teacher's own profile (sign-in, leave, credits act on it). */
export async function getMyTeacher(db: Db, actor: Actor): Promise<TeacherRow> {
  requireAccess(actor, 'training.self');
  const row = await findTeacherOfUser(db, actor.orgId, actor.userId);
  if (!row?.isActive) throw notInRegister();
  return row;
}

async function assertReferences(db: Db, orgId: string, input: Partial<TeacherInput>): Promise<void> {
  if (input.groupId) {
    const [d] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.orgId, orgId), eq(departments.id, input.groupId)));
    if (!d) throw invalidField('groupId', '教研组不存在', 'unknown group');
  }
  if (input.userId) {
    const [u] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgId, orgId), eq(users.id, input.userId)));
    if (!u) throw invalidField('userId', '账号不存在', 'unknown account');
  }
}

function cleanInput<T extends Partial<TeacherInput>>(input: T): T {
  const out = { ...input };
  for (const key of ['subject', 'grades', 'title', 'phone'] as const) {
    if (typeof out[key] === 'string') (out as Partial<TeacherInput>)[key] = (out[key] as string).trim() || null;
  }
  if (out.staffNo !== undefined) {
    out.staffNo = out.staffNo.trim();
    if (!out.staffNo) throw invalidField('staffNo', '工号不能为空', 'is required');
  }
  if (out.name !== undefined) {
    out.name = out.name.trim();
    if (!out.name) throw invalidField('name', '姓名不能为空', 'is required');
  }
  return out;
}

// The staff number and the linked account are unique within a school.
function duplicateError(err: unknown): never {
  if (isUniqueViolation(err)) {
    const text = String((err as { message?: string }).message ?? '') + String((err as { cause?: { message?: string } }).cause?.message ?? '');
    const field = text.includes('user') ? 'userId' : 'staffNo';
    throw new AppError(
      'CONFLICT',
      field === 'userId' ? '该账号已关联其他教师' : '工号已存在',
      field === 'userId' ? 'That account is linked to another teacher' : 'That staff number exists',
      [{ field, reason: 'taken' }],
    );
  }
  throw err;
}

export async function addTeacher(db: Db, actor: Actor, raw: TeacherInput): Promise<TeacherView> {
  requireAccess(actor, 'training.teacher.manage');
  const input = cleanInput(raw);
  await assertReferences(db, actor.orgId, input);
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(trainingTeachers)
        .values({ ...input, orgId: actor.orgId, stage: input.stage ?? 'competent' })
        .returning();
      await writeAudit(tx, actor, { action: 'training.teacher.create', entity: 'training.teacher', entityId: row.id, after: row });
      return row.id;
    });
    return getTeacher(db, actor, id);
  } catch (err) {
    duplicateError(err);
  }
}

export async function updateTeacher(db: Db, actor: Actor, id: string, raw: TeacherChange, now: Date): Promise<TeacherView> {
  requireAccess(actor, 'training.teacher.manage');
  const { version, ...change } = cleanInput(raw);
  const before = await getTeacher(db, actor, id);
  if (before.version !== version) throw versionConflict();
  await assertReferences(db, actor.orgId, change);
  try {
    await db.transaction(async (tx) => {
      const [after] = await tx
        .update(trainingTeachers)
        .set({ ...change, updatedAt: now, version: sql`${trainingTeachers.version} + 1` })
        .where(and(eq(trainingTeachers.orgId, actor.orgId), eq(trainingTeachers.id, id), eq(trainingTeachers.version, version)))
        .returning();
      if (!after) throw versionConflict();
      await writeAudit(tx, actor, { action: 'training.teacher.update', entity: 'training.teacher', entityId: id, before, after });
    });
  } catch (err) {
    duplicateError(err);
  }
  return getTeacher(db, actor, id);
}

/** Active teachers expected at a session: everyone, or the members of one group. */
export async function findRosterTeacherIds(db: Db, orgId: string, audience: { audience: 'all' | 'group'; groupId: string | null }): Promise<string[]> {
  const where: SQL[] = [eq(trainingTeachers.orgId, orgId), eq(trainingTeachers.isActive, true)];
  if (audience.audience === 'group' && audience.groupId) where.push(eq(trainingTeachers.groupId, audience.groupId));
  const rows = await db
    .select({ id: trainingTeachers.id })
    .from(trainingTeachers)
    .where(and(...where));
  return rows.map((r) => r.id);
}

/** Teachers by id, for names in lists (one query, not one per row). */
export async function findTeacherNames(db: Db, orgId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: trainingTeachers.id, name: trainingTeachers.name })
    .from(trainingTeachers)
    .where(and(eq(trainingTeachers.orgId, orgId), inArray(trainingTeachers.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A teacher of the organisation named in the path: 404 otherwise (another school's is simply not found). */
export async function assertTeacherFound(db: Db, orgId: string, id: string): Promise<void> {
  const [row] = await db
    .select({ id: trainingTeachers.id })
    .from(trainingTeachers)
    .where(and(eq(trainingTeachers.orgId, orgId), eq(trainingTeachers.id, id)));
  if (!row) throw notFound('教师', 'Teacher');
}

/** Checks that a teacher id belongs to the organisation; the field names the input. */
export async function assertTeacher(db: Db, orgId: string, id: string, field: string): Promise<TeacherRow> {
  const [row] = await db
    .select()
    .from(trainingTeachers)
    .where(and(eq(trainingTeachers.orgId, orgId), eq(trainingTeachers.id, id)));
  if (!row) throw invalidField(field, '教师不存在', 'unknown teacher');
  return row;
}
