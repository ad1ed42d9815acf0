import { and, eq, sql } from 'drizzle-orm';
import { type Actor, requireAccess } from '#core/access';
import { writeAudit } from '#core/audit';
import { orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import { AppError, invalidField, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { getPolicy, type Policy } from '#core/policy';
import { assertTeacher, findTeachers } from '../teacher';
import { loadTermFacts, type TermFacts } from '../term';
import type { TermPanelDecideBody, TermPanelDecisionView, TermPanelList, TermPanelQuery } from './term-panel.contract';
import { type PanelVerdict, type TermAssessmentRow, type TermPanelFacts, termAssessments } from './term-panel.schema';

type Text = { zh: string; en: string };

/** Whether the actor sits on the term-end assessment panel the policy names (S2 五.5). */
export const isOnTermPanel = (actor: Actor, policy: Policy['training']): boolean => actor.roles.some((r) => policy.termPanelRoles.includes(r));

const factsOf = (f: TermFacts): TermPanelFacts => ({
  unexcusedAbsences: f.unexcusedAbsences,
  sessionsExpected: f.sessionsExpected,
  sessionsPresent: f.sessionsPresent,
  assignmentsDue: f.assignmentsDue,
  assignmentsMissing: f.assignmentsMissing,
  selfStudyWeeksDue: f.selfStudyWeeksDue,
  selfStudyWeeksMet: f.selfStudyWeeksMet,
  records: f.records,
});

/**
 * The panel's proposal from the term's facts: unexcused absences at the policy's limit make
 * the term unqualified (S1 管理制度 3); the other evidence of S2 七 (records, assignments,
 * self-study) is listed as concerns for the panel to weigh.
 */
export function proposeTermVerdict(f: TermPanelFacts, policy: Policy['training']): { proposed: PanelVerdict; concerns: Text[] } {
  const concerns: Text[] = [];
  if (f.unexcusedAbsences > 0)
    concerns.push({
      zh: `本学期无故缺席集中培训 ${f.unexcusedAbsences} 次（限 ${policy.unexcusedAbsenceLimit} 次）`,
      en: `${f.unexcusedAbsences} unexcused absences this term (limit ${policy.unexcusedAbsenceLimit})`,
    });
  if (f.assignmentsMissing > 0) concerns.push({ zh: `未交学习任务 ${f.assignmentsMissing} 项`, en: `${f.assignmentsMissing} assignments not handed in` });
  if (f.selfStudyWeeksMet < f.selfStudyWeeksDue)
    concerns.push({
      zh: `自学达标 ${f.selfStudyWeeksMet}/${f.selfStudyWeeksDue} 周`,
      en: `Self-study met ${f.selfStudyWeeksMet}/${f.selfStudyWeeksDue} weeks`,
    });
  if (f.sessionsExpected > 0 && f.records === 0) concerns.push({ zh: '本学期没有培训记录', en: 'No training records this term' });
  return { proposed: f.unexcusedAbsences >= policy.unexcusedAbsenceLimit ? 'unqualified' : 'qualified', concerns };
}

const decisionView = (r: TermAssessmentRow): TermPanelDecisionView => ({
  id: r.id,
  verdict: r.verdict,
  opinion: r.opinion,
  facts: r.facts,
  decidedByName: r.decidedByName,
  decidedAt: r.decidedAt.toISOString(),
  version: r.version,
});

/** ST-18: every active teacher's term facts, the proposal and the panel's verdict if given. */
export async function findTermPanel(db: Db, actor: Actor, q: TermPanelQuery, now: Date): Promise<TermPanelList> {
  requireAccess(actor, 'training.read');
  const [teachers, policy, today] = await Promise.all([
    findTeachers(db, actor, { isActive: true }),
    getPolicy(db, actor.orgId),
    orgToday(db, actor.orgId, now),
  ]);
  const [facts, decided] = await Promise.all([
    loadTermFacts(db, actor.orgId, teachers, q.schoolYear, q.term, today, now, policy.training),
    db
      .select()
      .from(termAssessments)
      .where(and(eq(termAssessments.orgId, actor.orgId), eq(termAssessments.schoolYear, q.schoolYear), eq(termAssessments.term, q.term))),
  ]);
  const rows = teachers.map((t, i) => {
    const f = factsOf(facts[i]);
    const decision = decided.find((d) => d.teacherId === t.id);
    return {
      teacherId: t.id,
      name: t.name,
      groupName: t.groupName ?? null,
      facts: f,
      ...proposeTermVerdict(f, policy.training),
      decision: decision ? decisionView(decision) : null,
    };
  });
  // Unqualified first, then the undecided, so the panel's work is at the top.
  const rank = (r: (typeof rows)[number]) => ((r.decision?.verdict ?? r.proposed) === 'unqualified' ? 0 : r.decision ? 2 : 1);
  rows.sort((a, b) => rank(a) - rank(b));
  return {
    schoolYear: q.schoolYear,
    term: q.term,
    canDecide: isOnTermPanel(actor, policy.training),
    unexcusedAbsenceLimit: policy.training.unexcusedAbsenceLimit,
    rows,
  };
}

/** The panel records (or changes) one teacher's term verdict; the facts are frozen with it and the teacher told. */
export async function decideTermAssessment(db: Db, actor: Actor, input: TermPanelDecideBody, now: Date): Promise<TermPanelDecisionView> {
  requireAccess(actor, 'training.assess');
  const policy = await getPolicy(db, actor.orgId);
  if (!isOnTermPanel(actor, policy.training))
    throw new AppError('FORBIDDEN', '只有学期末校本培训考核小组成员可以评定', 'Only the term-end assessment panel may decide');
  const teacher = await assertTeacher(db, actor.orgId, input.teacherId, 'teacherId');
  const opinion = input.opinion?.trim() || null;
  if (input.verdict === 'unqualified' && !opinion)
    throw invalidField('opinion', '评定为不合格须写明考核意见', 'An unqualified verdict needs the panel’s opinion');
  const today = await orgToday(db, actor.orgId, now);
  const [facts] = await loadTermFacts(db, actor.orgId, [teacher], input.schoolYear, input.term, today, now, policy.training);
  const values = { verdict: input.verdict, opinion, facts: factsOf(facts), decidedBy: actor.userId, decidedByName: actor.displayName, decidedAt: now };
  return db.transaction(async (tx) => {
    const where = and(
      eq(termAssessments.orgId, actor.orgId),
      eq(termAssessments.teacherId, teacher.id),
      eq(termAssessments.schoolYear, input.schoolYear),
      eq(termAssessments.term, input.term),
    );
    const [existing] = await tx.select().from(termAssessments).where(where);
    let row: TermAssessmentRow;
    if (existing) {
      if (input.version !== existing.version) throw versionConflict();
      [row] = await tx
        .update(termAssessments)
        .set({ ...values, version: sql`${termAssessments.version} + 1` })
        .where(and(where, eq(termAssessments.version, existing.version)))
        .returning();
      if (!row) throw versionConflict();
    } else {
      [row] = await tx
        .insert(termAssessments)
        .values({ orgId: actor.orgId, teacherId: teacher.id, schoolYear: input.schoolYear, term: input.term, ...values })
        .returning();
    }
    await writeAudit(tx, actor, {
      action: 'training.term_assessment.decide',
      entity: 'training.term_assessment',
      entityId: row.id,
      before: existing ?? undefined,
      after: row,
    });
    if (teacher.userId) {
      const verdict = input.verdict === 'qualified' ? { zh: '合格', en: 'qualified' } : { zh: '不合格', en: 'unqualified' };
      await notifyUsers(tx, actor.orgId, [teacher.userId], {
        kind: 'training.term_assessment',
        title: {
          zh: `${input.schoolYear} 第 ${input.term} 学期校本培训考核：${verdict.zh}`,
          en: `Term ${input.term} ${input.schoolYear} training assessment: ${verdict.en}`,
        },
        body: opinion ? { zh: opinion, en: opinion } : undefined,
        link: '/training/my/archive',
      });
    }
    return decisionView(row);
  });
}
