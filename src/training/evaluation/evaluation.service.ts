import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { type Actor, hasPermission, requireAccess, userIdOf } from '#core/access';
import { writeAudit } from '#core/audit';
import { type Db, isUniqueViolation } from '#core/db';
import { AppError, invalidField, invalidState, notFound } from '#core/errors';
import { getPolicy } from '#core/policy';
import { requireTrainingRead } from '../common';
import { assertTeacher, findTeacherOfUser, findTeachers, trainingTeachers } from '../teacher';
import { CRITERIA, evaluationLinkToken, isEvaluationTokenValid, parseEvaluationToken, scoreOfForm, weightedScoreOf } from './evaluation.rules';
import { type EvaluationRoundRow, type EvaluationSource, evaluationRounds, evaluations } from './evaluation.schema';
import { orgToday } from '#core/calendar';
import type { EvaluationFormInput, PublicEvaluationInput, RoundInput, RoundViewData, TeacherEvaluationData } from './evaluation.contract';

export type RoundView = RoundViewData;
const publicRound = ({ linkSecret: _s, ...r }: EvaluationRoundRow): RoundView => r;

export async function createRound(db: Db, actor: Actor, input: RoundInput, now: Date): Promise<RoundView> {
  requireAccess(actor, 'training.assess');
  const title = input.title.trim();
  if (!title) throw invalidField('title', '请填写名称', 'is required');
  if (input.closesOn < input.opensOn) throw invalidField('closesOn', '截止日期早于开始日期', 'closes before it opens');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(evaluationRounds)
        .values({ orgId: actor.orgId, ...input, title, linkSecret: randomBytes(32).toString('hex'), createdBy: userIdOf(actor), createdAt: now })
        .returning();
      await writeAudit(tx, actor, { action: 'training.evaluation.round', entity: 'training.evaluation', entityId: row.id, after: publicRound(row) });
      return publicRound(row);
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('CONFLICT', '该学期已有评价活动', 'This term has an evaluation round already', [{ field: 'term', reason: 'exists' }]);
    throw err;
  }
}

export async function findRounds(db: Db, actor: Actor): Promise<RoundView[]> {
  requireTrainingRead(actor);
  const rows = await db.select().from(evaluationRounds).where(eq(evaluationRounds.orgId, actor.orgId)).orderBy(desc(evaluationRounds.opensOn));
  return rows.map(publicRound);
}

async function getRoundRow(db: Db, orgId: string, id: string): Promise<EvaluationRoundRow> {
  const [row] = await db
    .select()
    .from(evaluationRounds)
    .where(and(eq(evaluationRounds.orgId, orgId), eq(evaluationRounds.id, id)));
  if (!row) throw notFound('评价活动', 'Evaluation round');
  return row;
}

function assertOpen(round: EvaluationRoundRow, today: string): void {
  if (today < round.opensOn || today > round.closesOn)
    throw invalidState(`评价开放时间为 ${round.opensOn} 至 ${round.closesOn}`, `The evaluation is open from ${round.opensOn} to ${round.closesOn}`);
}

function scoreOrThrow(scores: Record<string, number>): number {
  const r = scoreOfForm(scores);
  if ('missing' in r) throw invalidField(`scores.${r.missing[0]}`, '每一项请评 1–5 分', 'rate every item 1–5');
  return r.score;
}

/** ST-9: self (own profile), peers (a colleague) and administrators (training.assess) fill the form. */
export async function submitEvaluation(db: Db, actor: Actor, roundId: string, input: EvaluationFormInput, now: Date) {
  requireTrainingRead(actor);
  const round = await getRoundRow(db, actor.orgId, roundId);
  assertOpen(round, await orgToday(db, actor.orgId, now));
  await assertTeacher(db, actor.orgId, input.teacherId, 'teacherId');
  const me = await findTeacherOfUser(db, actor.orgId, actor.userId);
  if (input.source === 'self' && me?.id !== input.teacherId) throw invalidField('teacherId', '自我评价只能评自己', 'a self evaluation is about yourself');
  if (input.source === 'peers' && (!me || me.id === input.teacherId))
    throw invalidField('teacherId', '同事评价须评其他教师', 'a peer evaluation is about a colleague');
  if (input.source === 'administrators') requireAccess(actor, 'training.assess');
  const score = scoreOrThrow(input.scores);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(evaluations)
        .values({
          orgId: actor.orgId,
          roundId,
          teacherId: input.teacherId,
          source: input.source,
          evaluatorKey: actor.userId,
          scores: input.scores,
          score,
          comment: input.comment?.trim() || null,
          createdAt: now,
        })
        .returning();
      await writeAudit(tx, actor, {
        action: 'training.evaluation.submit',
        entity: 'training.evaluation',
        entityId: row.id,
        after: { roundId, teacherId: input.teacherId, source: input.source, score },
      });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('CONFLICT', '您已评价过该教师', 'You have evaluated this teacher already', [{ field: 'teacherId', reason: 'exists' }]);
    throw err;
  }
}

/** The anonymous links of a round, one per teacher, for students and parents. */
export async function findRoundLinks(db: Db, actor: Actor, roundId: string) {
  requireAccess(actor, 'training.assess');
  const round = await getRoundRow(db, actor.orgId, roundId);
  const teachers = await findTeachers(db, actor, { isActive: true });
  return teachers.map((t) => ({ teacherId: t.id, name: t.name, groupName: t.groupName, path: `/public/evaluate/${evaluationLinkToken(round, t.id)}` }));
}

async function resolvePublicToken(db: Db, token: string) {
  const parsed = parseEvaluationToken(token);
  const invalid = () => new AppError('NOT_FOUND', '评价链接无效', 'This evaluation link is not valid');
  if (!parsed) throw invalid();
  const [round] = await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, parsed.roundId));
  if (!round || !isEvaluationTokenValid(parsed, round.linkSecret)) throw invalid();
  const [teacher] = await db
    .select({ id: trainingTeachers.id, name: trainingTeachers.name })
    .from(trainingTeachers)
    .where(and(eq(trainingTeachers.orgId, round.orgId), eq(trainingTeachers.id, parsed.teacherId)));
  if (!teacher) throw invalid();
  return { round, teacher };
}

/** What a student or parent sees: the teacher's name, the round and the items; nothing else. */
export async function getPublicEvaluationForm(db: Db, token: string, now: Date) {
  const { round, teacher } = await resolvePublicToken(db, token);
  const today = await orgToday(db, round.orgId, now);
  return {
    roundTitle: round.title,
    teacherName: teacher.name,
    criteria: CRITERIA,
    isOpen: today >= round.opensOn && today <= round.closesOn,
    closesOn: round.closesOn,
  };
}

/** A browser answers once per teacher and round; the key is a hash, never the address itself. */
export async function submitPublicEvaluation(db: Db, token: string, input: PublicEvaluationInput, client: { ip: string; userAgent: string }, now: Date) {
  const { round, teacher } = await resolvePublicToken(db, token);
  assertOpen(round, await orgToday(db, round.orgId, now));
  const score = scoreOrThrow(input.scores);
  const evaluatorKey = createHash('sha256').update(`${round.linkSecret}|${client.ip}|${client.userAgent}|${input.source}`).digest('hex');
  try {
    await db.insert(evaluations).values({
      orgId: round.orgId,
      roundId: round.id,
      teacherId: teacher.id,
      source: input.source,
      evaluatorKey,
      scores: input.scores,
      score,
      comment: input.comment?.trim() || null,
      createdAt: now,
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new AppError('CONFLICT', '您已提交过评价，谢谢参与', 'You have answered already; thank you', [{ field: 'token', reason: 'exists' }]);
    throw err;
  }
  return { ok: true, teacherName: teacher.name };
}

export type TeacherEvaluation = TeacherEvaluationData;

/** ST-9: each teacher's weighted result; a teacher sees only their own. */
export async function findRoundResults(db: Db, actor: Actor, roundId: string): Promise<TeacherEvaluation[]> {
  requireTrainingRead(actor);
  await getRoundRow(db, actor.orgId, roundId);
  const where: SQL[] = [eq(evaluations.orgId, actor.orgId), eq(evaluations.roundId, roundId)];
  const forms = await db
    .select({ teacherId: evaluations.teacherId, source: evaluations.source, score: evaluations.score })
    .from(evaluations)
    .where(and(...where));
  const [teachers, policy] = await Promise.all([findTeachers(db, actor, { isActive: true }), getPolicy(db, actor.orgId)]);
  const visible = hasPermission(actor, 'training.read') ? teachers : teachers.filter((t) => t.userId === actor.userId);
  return visible.map((t) => ({
    teacherId: t.id,
    name: t.name,
    groupName: t.groupName,
    ...weightedScoreOf(forms.filter((f) => f.teacherId === t.id) as { source: EvaluationSource; score: number }[], policy.training.evaluationWeights),
  }));
}

/** The evaluations the signed-in teacher has given in a round (to show what is left to do). */
export async function findMyGivenEvaluations(db: Db, actor: Actor, roundId: string) {
  requireTrainingRead(actor);
  await getRoundRow(db, actor.orgId, roundId);
  return db
    .select({ teacherId: evaluations.teacherId, source: evaluations.source })
    .from(evaluations)
    .where(and(eq(evaluations.orgId, actor.orgId), eq(evaluations.roundId, roundId), eq(evaluations.evaluatorKey, actor.userId)));
}
