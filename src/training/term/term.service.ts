import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, requireAccess, userIdOf } from '#core/access';
import { recordFinding } from '#core/assessment';
import { writeAudit } from '#core/audit';
import type { Db } from '#core/db';
import { invalidState, notFound, versionConflict } from '#core/errors';
import { notifyUsers } from '#core/notify';
import { departments } from '#core/org';
import { getPolicy } from '#core/policy';
import { closeEndedSessions } from '../attendance';
import type { Term } from '../common';
import { findTeachers, trainingTeachers } from '../teacher';
import { isAdvancedGroupEligible, proposeHonours, rankGroups, termScoreOf } from './honours.rules';
import { loadTermFacts } from './term-facts.service';
import { type HonourKind, termHonours } from './term.schema';
import { orgToday } from '#core/calendar';
import type { HonourViewData } from './term.contract';
import type { z } from 'zod';
import type { HonourDecisionBody } from './term.contract';

type Text = { zh: string; en: string };

export type HonourView = HonourViewData;

export async function findHonours(db: Db, actor: Actor, schoolYear: string, term: Term): Promise<HonourView[]> {
  requireAccess(actor, 'training.read');
  const rows = await db
    .select({ h: termHonours, teacherName: trainingTeachers.name, groupName: departments.name })
    .from(termHonours)
    .leftJoin(trainingTeachers, and(eq(trainingTeachers.orgId, termHonours.orgId), eq(trainingTeachers.id, termHonours.teacherId)))
    .leftJoin(departments, and(eq(departments.orgId, termHonours.orgId), eq(departments.id, termHonours.groupId)))
    .where(and(eq(termHonours.orgId, actor.orgId), eq(termHonours.schoolYear, schoolYear), eq(termHonours.term, term)))
    .orderBy(asc(termHonours.kind), asc(trainingTeachers.name));
  return rows.map((r) => ({ ...r.h, teacherName: r.teacherName, groupName: r.groupName }));
}

/**
 * ST-10, ST-11: the rules propose commendations and criticisms, the best-scoring commended
 * teachers (a tenth, at least one) as advanced individuals and the best group; the office
 * confirms or drops each. Decided proposals stay as decided when proposing again.
 */
export async function proposeTermHonours(db: Db, actor: Actor, schoolYear: string, term: Term, now: Date): Promise<HonourView[]> {
  requireAccess(actor, 'training.assess');
  await closeEndedSessions(db, now, { orgId: actor.orgId, limit: 5000 });
  const [teachers, policy, today] = await Promise.all([
    findTeachers(db, actor, { isActive: true }),
    getPolicy(db, actor.orgId),
    orgToday(db, actor.orgId, now),
  ]);
  const facts = await loadTermFacts(db, actor.orgId, teachers, schoolYear, term, today, now, policy.training);
  const proposals = proposeHonours(facts);
  const commended = facts
    .filter((f) => proposals.some((p) => p.kind === 'commendation' && p.teacherId === f.teacherId))
    .sort((a, b) => termScoreOf(b) - termScoreOf(a));
  const advanced = commended.slice(0, Math.max(1, Math.ceil(teachers.length / 10)));
  const bestGroup = rankGroups(facts, proposals).find((g) => isAdvancedGroupEligible(g, policy.training));
  const rows: { kind: HonourKind; teacherId: string | null; groupId: string | null; reasons: Text[] }[] = [
    ...proposals.map((p) => ({ kind: p.kind, teacherId: p.teacherId, groupId: null, reasons: p.reasons })),
    ...advanced.map((f) => ({
      kind: 'advanced_individual' as const,
      teacherId: f.teacherId,
      groupId: null,
      reasons: [{ zh: `学期综合得分 ${termScoreOf(f)}（出勤与评价）`, en: `Term score ${termScoreOf(f)} (attendance and evaluation)` }],
    })),
    ...(bestGroup
      ? [
          {
            kind: 'advanced_group' as const,
            teacherId: null,
            groupId: bestGroup.groupId,
            reasons: [
              {
                zh: `出勤率 ${Math.round(bestGroup.attendanceRate * 100)}%，表彰 ${bestGroup.commended} 人，通报 ${bestGroup.criticised} 人`,
                en: `Attendance ${Math.round(bestGroup.attendanceRate * 100)}%, ${bestGroup.commended} commended, ${bestGroup.criticised} criticised`,
              },
            ],
          },
        ]
      : []),
  ];
  await db.transaction(async (tx) => {
    // Proposals not yet decided are replaced by the current ones.
    await tx
      .delete(termHonours)
      .where(and(eq(termHonours.orgId, actor.orgId), eq(termHonours.schoolYear, schoolYear), eq(termHonours.term, term), eq(termHonours.state, 'proposed')));
    for (const r of rows) {
      await tx
        .insert(termHonours)
        .values({ orgId: actor.orgId, schoolYear, term, ...r, createdAt: now })
        .onConflictDoNothing();
    }
    await writeAudit(tx, actor, {
      action: 'training.honours.propose',
      entity: 'training.honours',
      entityId: `${schoolYear}-${term}`,
      after: { proposals: rows.length },
    });
  });
  return findHonours(db, actor, schoolYear, term);
}

const KIND_TEXT: Record<HonourKind, Text> = {
  commendation: { zh: '期末表彰', en: 'Term-end commendation' },
  criticism: { zh: '期末通报批评', en: 'Public criticism' },
  advanced_individual: { zh: '校本培训先进个人', en: 'Advanced individual' },
  advanced_group: { zh: '校本培训先进教研组', en: 'Advanced group' },
};

/** The office confirms (a finding citing the clause is recorded and the teacher told) or drops a proposal. */
export async function decideHonour(db: Db, actor: Actor, id: string, input: z.infer<typeof HonourDecisionBody>, now: Date): Promise<HonourView> {
  requireAccess(actor, 'training.assess');
  const [before] = await db
    .select()
    .from(termHonours)
    .where(and(eq(termHonours.orgId, actor.orgId), eq(termHonours.id, id)));
  if (!before) throw notFound('表彰或通报', 'Honour');
  if (before.version !== input.version) throw versionConflict();
  if (before.state !== 'proposed') throw invalidState('该项已处理', 'This has been decided already');
  const [teacher] = before.teacherId
    ? await db
        .select()
        .from(trainingTeachers)
        .where(and(eq(trainingTeachers.orgId, actor.orgId), eq(trainingTeachers.id, before.teacherId)))
    : [];
  const [group] = before.groupId
    ? await db
        .select()
        .from(departments)
        .where(and(eq(departments.orgId, actor.orgId), eq(departments.id, before.groupId)))
    : [];
  const label = teacher?.name ?? group?.name ?? '';
  await db.transaction(async (tx) => {
    let findingId: string | null = null;
    if (input.isConfirmed) {
      const kind = KIND_TEXT[before.kind];
      const finding = await recordFinding(tx, actor, {
        ruleCode: `training.term.${before.kind}`,
        clause: before.kind === 'advanced_group' || before.kind === 'advanced_individual' ? 'S2 六.(四)' : 'S1 奖惩',
        requirementId: before.kind.startsWith('advanced') ? 'ST-11' : 'ST-10',
        subjectUserId: teacher?.userId ?? null,
        subjectDepartmentId: teacher?.groupId ?? before.groupId,
        subjectLabel: label,
        period: `${before.schoolYear}-${before.term}`,
        verdict: before.kind === 'criticism' ? 'criticism' : 'commendation',
        summary: { zh: `${kind.zh}：${before.reasons.map((r) => r.zh).join('；')}`, en: `${kind.en}: ${before.reasons.map((r) => r.en).join('; ')}` },
        evidence: [],
        dedupeKey: `training.term|${before.schoolYear}|${before.term}|${before.kind}|${before.teacherId ?? before.groupId}`,
      });
      findingId = finding?.id ?? null;
      if (teacher?.userId) {
        await notifyUsers(tx, actor.orgId, [teacher.userId], {
          kind: `training.term.${before.kind}`,
          title: { zh: `${kind.zh}：${before.schoolYear} 第 ${before.term} 学期`, en: `${kind.en}: ${before.schoolYear} term ${before.term}` },
          body: { zh: before.reasons.map((r) => r.zh).join('\n'), en: before.reasons.map((r) => r.en).join('\n') },
          link: '/training/my',
        });
      }
    }
    const [after] = await tx
      .update(termHonours)
      .set({
        state: input.isConfirmed ? 'confirmed' : 'dropped',
        decidedBy: userIdOf(actor),
        decidedAt: now,
        findingId,
        version: sql`${termHonours.version} + 1`,
      })
      .where(and(eq(termHonours.orgId, actor.orgId), eq(termHonours.id, id), eq(termHonours.version, input.version)))
      .returning();
    if (!after) throw versionConflict();
    await writeAudit(tx, actor, {
      action: `training.honours.${input.isConfirmed ? 'confirm' : 'drop'}`,
      entity: 'training.honours',
      entityId: id,
      before: { state: 'proposed' },
      after: { state: after.state, kind: after.kind, subject: label },
    });
  });
  return (await findHonours(db, actor, before.schoolYear, before.term)).find((h) => h.id === id)!;
}
