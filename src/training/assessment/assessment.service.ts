import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess } from '#core/access';
import { recordFinding } from '#core/assessment';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidField, invalidState, notFound, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { departments } from '#core/org';
import { getPolicy } from '#core/policy';
import { closeEndedSessions } from '../attendance';
import { requireTrainingRead } from '../common';
import { loadYearRecords } from '../credit';
import { findTeacherOfUser, findTeachers, trainingTeachers } from '../teacher';
import { assessYear } from './assessment.rules';
import { type AssessmentRow, trainingAssessments } from './assessment.schema';
import { countNotesByTeacher, yearFactsOf } from './year-facts.service';
import type { AssessmentViewData } from './assessment.contract';

export type AssessmentView = AssessmentViewData;

const selectViews = (db: Db) =>
  db
    .select({ a: trainingAssessments, teacherName: trainingTeachers.name, staffNo: trainingTeachers.staffNo, groupName: departments.name })
    .from(trainingAssessments)
    .innerJoin(trainingTeachers, and(eq(trainingTeachers.orgId, trainingAssessments.orgId), eq(trainingTeachers.id, trainingAssessments.teacherId)))
    .leftJoin(departments, and(eq(departments.orgId, trainingTeachers.orgId), eq(departments.id, trainingTeachers.groupId)));

type Joined = { a: AssessmentRow; teacherName: string; staffNo: string; groupName: string | null };
const toView = (r: Joined): AssessmentView => ({ ...r.a, teacherName: r.teacherName, staffNo: r.staffNo, groupName: r.groupName });

/**
 * ST-7: computes every active teacher's verdict for the year from the records (rosters of
 * ended sessions are closed first). Confirmed verdicts stay as the office confirmed them.
 */
export async function computeAssessments(db: Db, actor: Actor, schoolYear: string, now: Date): Promise<AssessmentView[]> {
  requireAccess(actor, 'training.assess');
  await closeEndedSessions(db, now, { orgId: actor.orgId, limit: 5000 });
  const [teachers, policy, records] = await Promise.all([
    findTeachers(db, actor, { isActive: true }),
    getPolicy(db, actor.orgId),
    loadYearRecords(db, actor.orgId, schoolYear, now),
  ]);
  const notes = await countNotesByTeacher(
    db,
    actor.orgId,
    schoolYear,
    teachers.map((t) => t.id),
  );
  await db.transaction(async (tx) => {
    let unqualified = 0;
    for (const t of teachers) {
      const facts = yearFactsOf(t.id, records, notes.get(t.id), policy.training);
      const v = assessYear(facts, policy.training);
      if (v.verdict === 'unqualified') unqualified++;
      const values = {
        verdict: v.verdict,
        reasons: v.reasons,
        credits: facts.credits,
        requiredCredits: policy.training.creditsPerYear,
        unexcusedAbsences: facts.absences.length,
        computedAt: now,
      };
      await tx
        .insert(trainingAssessments)
        .values({ orgId: actor.orgId, teacherId: t.id, schoolYear, ...values })
        .onConflictDoUpdate({
          target: [trainingAssessments.orgId, trainingAssessments.teacherId, trainingAssessments.schoolYear],
          set: { ...values, version: sql`${trainingAssessments.version} + 1` },
          setWhere: eq(trainingAssessments.state, 'computed'),
        });
    }
    await writeAudit(tx, actor, {
      action: 'training.assessment.compute',
      entity: 'training.assessment',
      entityId: schoolYear,
      after: { teachers: teachers.length, unqualified },
    });
  });
  return findAssessments(db, actor, schoolYear);
}

export async function findAssessments(
  db: Db,
  actor: Actor,
  schoolYear: string,
  filter: { verdict?: 'qualified' | 'unqualified' } = {},
): Promise<AssessmentView[]> {
  requireAccess(actor, 'training.read');
  const where = [eq(trainingAssessments.orgId, actor.orgId), eq(trainingAssessments.schoolYear, schoolYear)];
  if (filter.verdict) where.push(eq(trainingAssessments.verdict, filter.verdict));
  // The unqualified first, the ones still to confirm before the confirmed (issue 13 item 8).
  const rows = await selectViews(db)
    .where(and(...where))
    .orderBy(
      sql`case when ${trainingAssessments.verdict} = 'unqualified' then 0 else 1 end`,
      sql`case when ${trainingAssessments.state} = 'computed' then 0 else 1 end`,
      asc(departments.sort),
      asc(trainingTeachers.staffNo),
    );
  return rows.map(toView);
}

export async function getAssessment(db: Db, actor: Actor, id: string): Promise<AssessmentView> {
  requireTrainingRead(actor);
  const [row] = await selectViews(db).where(and(eq(trainingAssessments.orgId, actor.orgId), eq(trainingAssessments.id, id)));
  if (!row) throw notFound('考核结果', 'Assessment');
  if (!hasPermission(actor, 'training.read')) {
    const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
    if (me?.id !== row.a.teacherId) throw notFound('考核结果', 'Assessment');
  }
  return toView(row);
}

export async function findMyAssessments(db: Db, actor: Actor): Promise<AssessmentView[]> {
  requireAccess(actor, 'training.self');
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  if (!me) return [];
  const rows = await selectViews(db).where(and(eq(trainingAssessments.orgId, actor.orgId), eq(trainingAssessments.teacherId, me.id)));
  return rows.map(toView);
}

/**
 * The office reviews and confirms a verdict (CORE-8): it becomes a finding citing its
 * clause and evidence, which the teacher can see and dispute; results feed the appraisal.
 */
export async function confirmAssessment(
  db: Db,
  actor: Actor,
  id: string,
  input: { opinion?: string | null; version: number },
  now: Date,
): Promise<AssessmentView> {
  requireAccess(actor, 'training.assess');
  const before = await getAssessment(db, actor, id);
  if (before.version !== input.version) throw versionConflict();
  if (before.state === 'confirmed') throw invalidState('该考核结果已确认', 'This verdict has been confirmed already');
  const opinion = input.opinion?.trim() || null;
  if (before.verdict === 'unqualified' && !opinion)
    throw invalidField('opinion', '确认“不合格”时请填写审核意见', 'give an opinion when confirming “unqualified”');
  const [teacher] = await db
    .select()
    .from(trainingTeachers)
    .where(and(eq(trainingTeachers.orgId, actor.orgId), eq(trainingTeachers.id, before.teacherId)));
  await db.transaction(async (tx) => {
    const main = before.reasons[0];
    const finding = await recordFinding(tx, actor, {
      ruleCode: `training.assessment.${before.verdict}`,
      clause: main?.clause ?? 'S2 七',
      requirementId: 'ST-7',
      subjectUserId: teacher.userId,
      subjectDepartmentId: teacher.groupId,
      subjectLabel: teacher.name,
      period: before.schoolYear,
      verdict: before.verdict,
      summary: {
        zh: `${before.schoolYear} 学年校本培训考核：${before.verdict === 'qualified' ? '合格' : '不合格'}。${before.reasons.map((r) => r.summary.zh).join('；')}`,
        en: `${before.schoolYear} school-based training: ${before.verdict}. ${before.reasons.map((r) => r.summary.en).join('; ')}`,
      },
      evidence: before.reasons.flatMap((r) => r.evidence),
      dedupeKey: `training.assessment|${before.schoolYear}|${before.teacherId}|${before.verdict}`,
    });
    const [after] = await tx
      .update(trainingAssessments)
      .set({
        state: 'confirmed',
        confirmedAt: now,
        confirmedBy: actor.userId,
        confirmedByName: actor.displayName,
        opinion,
        findingId: finding?.id ?? null,
        version: sql`${trainingAssessments.version} + 1`,
      })
      .where(and(eq(trainingAssessments.orgId, actor.orgId), eq(trainingAssessments.id, id), eq(trainingAssessments.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: 'training.assessment.confirm',
      entity: 'training.assessment',
      entityId: id,
      before: { state: before.state, verdict: before.verdict },
      after: { state: 'confirmed', verdict: after.verdict, opinion },
    });
    if (teacher.userId) {
      await notifyUsers(tx, actor.orgId, [teacher.userId], {
        kind: 'training.assessment.confirmed',
        title: {
          zh: `${before.schoolYear} 学年校本培训考核结果：${before.verdict === 'qualified' ? '合格' : '不合格'}`,
          en: `${before.schoolYear} training assessment: ${before.verdict}`,
        },
        body: {
          zh: before.reasons.map((r) => `依据 ${r.clause}：${r.summary.zh}`).join('\n'),
          en: before.reasons.map((r) => `Under ${r.clause}: ${r.summary.en}`).join('\n'),
        },
        link: '/training/my',
      });
    }
  });
  return getAssessment(db, actor, id);
}

/**
 * Issue 13 item 8: every computed "qualified" verdict of the year confirmed at once with one
 * opinion (all or none). The unqualified are never confirmed in bulk: each needs its own opinion.
 */
export async function confirmQualifiedAssessments(
  db: Db,
  actor: Actor,
  schoolYear: string,
  input: { opinion?: string | null },
  now: Date,
): Promise<{ confirmed: number }> {
  requireAccess(actor, 'training.assess');
  const open = (await findAssessments(db, actor, schoolYear, { verdict: 'qualified' })).filter((a) => a.state === 'computed');
  await db.transaction(async (tx) => {
    for (const a of open) await confirmAssessment(tx, actor, a.id, { opinion: input.opinion, version: a.version }, now);
  });
  return { confirmed: open.length };
}
