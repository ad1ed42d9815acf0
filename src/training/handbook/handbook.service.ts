import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import { AppError, invalidField, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { getPolicy, type Policy } from '#core/policy';
import { schoolYearOf, schoolYearRange, weekStartOf } from '../common';
import { studyNotes } from '../study';
import { assertTeacher, findTeacherOfUser, findTeachers } from '../teacher';
import type { HandbookGrid, RecordBookCheckBody, RecordBookCheckView, RecordBookList, SignOffBody, SignOffView, YearQuery } from './handbook.contract';
import { type HandbookSignOffRow, handbookSignOffs, type RecordBookCheckRow, recordBookChecks } from './handbook.schema';

/** The months of a school year the policy has the handbook signed in, in school-year order ('YYYY-MM'). */
export function signOffMonthsOf(schoolYear: string, policy: Policy['training']): string[] {
  const [first, second] = schoolYear.split('-').map(Number);
  return [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8]
    .filter((m) => policy.handbookSignOff.months.includes(m))
    .map((m) => `${m >= 9 ? first : second}-${String(m).padStart(2, '0')}`);
}

export const canSignHandbook = (actor: Actor, policy: Policy['training']): boolean => actor.roles.some((r) => policy.handbookSignOff.signerRoles.includes(r));
export const canInspectRecordBooks = (actor: Actor, policy: Policy['training']): boolean =>
  actor.roles.some((r) => policy.recordBookInspectorRoles.includes(r));

/** The office signs for everyone; any other signer (a group leader) for their own group only. */
async function signableGroupOf(db: Db, actor: Actor): Promise<string | null> {
  if (hasPermission(actor, 'training.school.manage')) return null;
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  if (!me?.groupId) throw new AppError('FORBIDDEN', '教研组长须先在教师名单中登记所在教研组', 'A group leader must belong to a group in the teacher register');
  return me.groupId;
}

const signOffView = (r: HandbookSignOffRow): SignOffView => ({
  id: r.id,
  month: r.month,
  rating: r.rating,
  comment: r.comment,
  signedByName: r.signedByName,
  signedAt: r.signedAt.toISOString(),
  version: r.version,
});

/** ST-19: every active teacher's handbook, month by month, signed or still open. */
export async function findHandbookGrid(db: Db, actor: Actor, q: YearQuery): Promise<HandbookGrid> {
  requireAccess(actor, 'training.read');
  const [teachers, policy] = await Promise.all([findTeachers(db, actor, { isActive: true }), getPolicy(db, actor.orgId)]);
  const months = signOffMonthsOf(q.schoolYear, policy.training);
  const rows = await db
    .select()
    .from(handbookSignOffs)
    .where(
      and(
        eq(handbookSignOffs.orgId, actor.orgId),
        gte(handbookSignOffs.month, months[0] ?? '0000-00'),
        lte(handbookSignOffs.month, months.at(-1) ?? '0000-00'),
      ),
    )
    .orderBy(asc(handbookSignOffs.month));
  return {
    schoolYear: q.schoolYear,
    months,
    canSign: canSignHandbook(actor, policy.training),
    rows: teachers.map((t) => ({
      teacherId: t.id,
      name: t.name,
      groupId: t.groupId ?? null,
      groupName: t.groupName ?? null,
      signOffs: rows.filter((r) => r.teacherId === t.id).map(signOffView),
    })),
  };
}

/** A signer of the policy signs one teacher's month with a comment (or revises their sign-off). */
export async function signHandbook(db: Db, actor: Actor, input: SignOffBody, now: Date): Promise<SignOffView> {
  requireAccess(actor, 'training.read');
  const policy = await getPolicy(db, actor.orgId);
  if (!canSignHandbook(actor, policy.training))
    throw new AppError('FORBIDDEN', '按制度由教研组长或教导处签评记实手册', 'The group leader or the office signs the handbook, as the policy says');
  const teacher = await assertTeacher(db, actor.orgId, input.teacherId, 'teacherId');
  const group = await signableGroupOf(db, actor);
  if (group !== null && teacher.groupId !== group)
    throw new AppError('FORBIDDEN', '教研组长只能签评本组教师的手册', 'A group leader signs their own group’s handbooks only');
  const month = Number(input.month.slice(5));
  if (!policy.training.handbookSignOff.months.includes(month))
    throw invalidField('month', '该月份不在签评月份内', 'This month is not one the handbook is signed in');
  const today = await orgToday(db, actor.orgId, now);
  if (input.month > today.slice(0, 7)) throw invalidField('month', '不能签评尚未开始的月份', 'A month that has not begun cannot be signed');
  return db.transaction(async (tx) => {
    const where = and(eq(handbookSignOffs.orgId, actor.orgId), eq(handbookSignOffs.teacherId, teacher.id), eq(handbookSignOffs.month, input.month));
    const [existing] = await tx.select().from(handbookSignOffs).where(where);
    const values = { rating: input.rating, comment: input.comment, signedBy: actor.userId, signedByName: actor.displayName, signedAt: now };
    let row: HandbookSignOffRow;
    if (existing) {
      if (input.version !== existing.version) throw versionConflict();
      [row] = await tx
        .update(handbookSignOffs)
        .set({ ...values, version: sql`${handbookSignOffs.version} + 1` })
        .where(and(where, eq(handbookSignOffs.version, existing.version)))
        .returning();
      if (!row) throw versionConflict();
    } else {
      [row] = await tx
        .insert(handbookSignOffs)
        .values({ orgId: actor.orgId, teacherId: teacher.id, month: input.month, ...values })
        .returning();
    }
    await writeAudit(tx, actor, { action: 'training.handbook.sign', entity: 'training.handbook', entityId: row.id, before: existing ?? undefined, after: row });
    return signOffView(row);
  });
}

const checkView = (r: RecordBookCheckRow): RecordBookCheckView => ({
  id: r.id,
  checkedOn: r.checkedOn,
  finding: r.finding,
  entries: r.entries,
  comment: r.comment,
  checkedByName: r.checkedByName,
});

async function recordBookEntries(db: Db, orgId: string, schoolYear: string, until: string): Promise<Map<string, number>> {
  const range = schoolYearRange(schoolYear);
  const rows = await db
    .select({ teacherId: studyNotes.teacherId, n: sql<number>`count(*)::int` })
    .from(studyNotes)
    .where(
      and(
        eq(studyNotes.orgId, orgId),
        eq(studyNotes.kind, 'record_book'),
        gte(studyNotes.weekStart, weekStartOf(range.from)),
        lte(studyNotes.weekStart, until < range.to ? until : range.to),
      ),
    )
    .groupBy(studyNotes.teacherId);
  return new Map(rows.map((r) => [r.teacherId, r.n]));
}

/** S1 考勤 三: each teacher's record-book entries this year and the leadership group's checks of it. */
export async function findRecordBookChecks(db: Db, actor: Actor, q: YearQuery): Promise<RecordBookList> {
  requireAccess(actor, 'training.read');
  const range = schoolYearRange(q.schoolYear);
  const [teachers, policy, entries, checks] = await Promise.all([
    findTeachers(db, actor, { isActive: true }),
    getPolicy(db, actor.orgId),
    recordBookEntries(db, actor.orgId, q.schoolYear, range.to),
    db
      .select()
      .from(recordBookChecks)
      .where(and(eq(recordBookChecks.orgId, actor.orgId), gte(recordBookChecks.checkedOn, range.from), lte(recordBookChecks.checkedOn, range.to)))
      .orderBy(desc(recordBookChecks.checkedOn), desc(recordBookChecks.createdAt)),
  ]);
  return {
    schoolYear: q.schoolYear,
    canInspect: canInspectRecordBooks(actor, policy.training),
    rows: teachers.map((t) => ({
      teacherId: t.id,
      name: t.name,
      groupName: t.groupName ?? null,
      entries: entries.get(t.id) ?? 0,
      checks: checks.filter((c) => c.teacherId === t.id).map(checkView),
    })),
  };
}

/** A member of the leadership group records an inspection; the entries are counted, a shortfall is told to the teacher. */
export async function recordRecordBookCheck(db: Db, actor: Actor, input: RecordBookCheckBody, now: Date): Promise<RecordBookCheckView> {
  requireAccess(actor, 'training.read');
  const policy = await getPolicy(db, actor.orgId);
  if (!canInspectRecordBooks(actor, policy.training))
    throw new AppError('FORBIDDEN', '按制度由校本培训领导组检查记录册', 'The leadership group inspects the record books, as the policy says');
  const teacher = await assertTeacher(db, actor.orgId, input.teacherId, 'teacherId');
  const today = await orgToday(db, actor.orgId, now);
  if (input.checkedOn > today) throw invalidField('checkedOn', '检查日期不能晚于今天', 'The check cannot be dated after today');
  const comment = input.comment?.trim() ?? '';
  if (input.finding !== 'complete' && !comment) throw invalidField('comment', '记录册不完整或未交时须写明检查意见', 'Say what is lacking');
  const schoolYear = schoolYearOf(input.checkedOn);
  const entries = (await recordBookEntries(db, actor.orgId, schoolYear, input.checkedOn)).get(teacher.id) ?? 0;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(recordBookChecks)
      .values({
        orgId: actor.orgId,
        teacherId: teacher.id,
        checkedOn: input.checkedOn,
        finding: input.finding,
        entries,
        comment,
        checkedBy: actor.userId,
        checkedByName: actor.displayName,
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, actor, { action: 'training.record_book.check', entity: 'training.record_book', entityId: row.id, after: row });
    if (input.finding !== 'complete' && teacher.userId) {
      await notifyUsers(tx, actor.orgId, [teacher.userId], {
        kind: 'training.record_book',
        title:
          input.finding === 'missing'
            ? { zh: '《校本培训记录册》未交检查', en: 'Your training record book was not handed in' }
            : { zh: '《校本培训记录册》检查：需补充', en: 'Your training record book needs completing' },
        body: { zh: comment, en: comment },
        link: '/training/my/work',
      });
    }
    return checkView(row);
  });
}
