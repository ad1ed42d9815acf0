import { randomBytes } from 'node:crypto';
import { addDays } from '#core/calendar';
import { backboneHours } from '../backbone';
import { weekStartOf } from '../common';
import { creditClaims } from '../credit';
import { evaluationRounds, evaluations, scoreOfForm } from '../evaluation';
import { mentorPairs, mentorRecords } from '../mentor';
import { activities, assignments, fourOnes, submissions } from '../practice';
import { studyNotes } from '../study';
import type { SeedContext } from './seed-term';
import { type SeedTeacher, seededRandom } from './seed-teachers';

const JOURNALS = ['人民教育', '小学语文教师', '小学数学教育', '中小学信息技术教育', '中国教师报'];
const ARTICLES = ['核心素养导向的课堂教学', '大单元教学设计的路径', '作业设计的减量提质', '整本书阅读的课堂组织', '跨学科主题学习的实践'];
const INFOS = ['教育部发布义务教育课程方案修订说明', '区教研室开展优质课评比', '全国中小学教师信息技术应用能力提升工程 2.0', '市教育局部署学期教学常规检查'];

/** ST-5: weekly excerpts for most teachers and weeks, and study notes of the sessions. */
export async function seedNotes(ctx: SeedContext): Promise<void> {
  const rand = seededRandom(11);
  const first = Number(ctx.schoolYear.slice(0, 4));
  const start = weekStartOf(ctx.term === 1 ? `${first}-09-01` : `${first + 1}-02-20`);
  const rows: (typeof studyNotes.$inferInsert)[] = [];
  for (const t of ctx.teachers) {
    const diligence = t.username === 'school.t4' ? 0.4 : t.userId ? 0.92 : 0.75;
    for (let week = start; week < weekStartOf(ctx.today); week = addDays(week, 7)) {
      const at = new Date(`${addDays(week, 2)}T10:00:00Z`);
      const journal = JOURNALS[Math.floor(rand() * JOURNALS.length)];
      if (rand() < diligence)
        rows.push({
          orgId: ctx.org.orgId,
          teacherId: t.id,
          kind: 'article_excerpt',
          weekStart: week,
          title: ARTICLES[Math.floor(rand() * ARTICLES.length)],
          source: journal,
          content: '摘录要点：以学生为中心设计学习任务，注重过程性评价。',
          createdAt: at,
          updatedAt: at,
        });
      if (rand() < diligence)
        rows.push({
          orgId: ctx.org.orgId,
          teacherId: t.id,
          kind: 'information_excerpt',
          weekStart: week,
          title: INFOS[Math.floor(rand() * INFOS.length)],
          source: journal,
          content: '信息摘录：相关文件精神及工作部署。',
          createdAt: at,
          updatedAt: at,
        });
      if (rand() < 0.3)
        rows.push({
          orgId: ctx.org.orgId,
          teacherId: t.id,
          kind: 'record_book',
          weekStart: week,
          title: '校本培训记录册',
          content: '本周参加政治学习和校本教研，记录学习要点并完成研讨发言。',
          createdAt: at,
          updatedAt: at,
        });
      if (rand() < 0.1)
        rows.push({
          orgId: ctx.org.orgId,
          teacherId: t.id,
          kind: 'reflection',
          weekStart: week,
          title: '教学反思',
          content: '课堂提问层次不够，下周尝试分层设计问题链。',
          createdAt: at,
          updatedAt: at,
        });
    }
  }
  for (let i = 0; i < rows.length; i += 400) await ctx.db.insert(studyNotes).values(rows.slice(i, i + 400));
}

/** ST-6, ST-12, ST-13, ST-14: recognised and pending external training, backbone tracks, mentor pairs, the four ones. */
export async function seedGrowth(ctx: SeedContext): Promise<void> {
  const { db, org, now, schoolYear } = ctx;
  const t = (username: string) => ctx.teachers.find((x) => x.username === username);
  const first = Number(schoolYear.slice(0, 4));
  const principal = ctx.principal;
  const claim = (username: string, title: string, kind: 'national' | 'provincial' | 'distance', hours: number, recognised: boolean, date: string) => {
    const teacher = t(username);
    if (!teacher?.userId) return null;
    return {
      orgId: org.orgId,
      teacherId: teacher.id,
      schoolYear,
      kind,
      title,
      organiser: kind === 'national' ? '教育部“国培计划”' : kind === 'provincial' ? '省教育厅' : '国家中小学智慧教育平台',
      category: kind === 'distance' ? ('degreeDistance' as const) : ('newCurriculum' as const),
      hours,
      startedOn: date,
      endedOn: addDays(date, 2),
      certificateNo: `ZS-${first}-${Math.floor(hours * 97)}`,
      state: recognised ? ('recognised' as const) : ('pending' as const),
      recognisedHours: recognised ? hours : null,
      decidedAt: recognised ? now : null,
      decidedBy: recognised ? principal.userId : null,
      decidedByName: recognised ? principal.displayName : null,
      createdBy: teacher.userId,
      createdAt: now,
    };
  };
  const claims = [
    claim('school.t1', '国培计划—小学语文骨干教师研修', 'national', 10, true, `${first}-10-14`),
    claim('school.chinese', '省级学科带头人培训', 'provincial', 8, true, `${first}-10-20`),
    claim('school.t3', '智慧教育平台暑期研修', 'distance', 6, false, `${first}-11-02`),
  ].filter((c) => c !== null);
  if (claims.length) await db.insert(creditClaims).values(claims);

  const pair = async (a: SeedTeacher | undefined, b: SeedTeacher | undefined, goals: string) => {
    if (!a || !b) return;
    const [p] = await db.insert(mentorPairs).values({ orgId: org.orgId, mentorId: a.id, menteeId: b.id, schoolYear, goals, createdAt: now }).returning();
    await db.insert(mentorRecords).values([
      {
        orgId: org.orgId,
        pairId: p.id,
        kind: 'observation',
        occurredOn: `${first}-09-18`,
        content: '师傅听徒弟《秋天的雨》一课，指出朗读指导要更充分。',
        createdBy: a.userId,
        createdAt: now,
      },
      {
        orgId: org.orgId,
        pairId: p.id,
        kind: 'demo_lesson',
        occurredOn: `${first}-10-16`,
        content: '徒弟听师傅示范课，学习小组合作的组织方法。',
        createdBy: b.userId,
        createdAt: now,
      },
      {
        orgId: org.orgId,
        pairId: p.id,
        kind: 'guidance',
        occurredOn: `${first}-11-06`,
        content: '共同修改单元教学设计，明确评价任务。',
        createdBy: a.userId,
        createdAt: now,
      },
    ]);
  };
  await pair(t('school.chinese'), t('school.t2'), '一学年内能独立完成单元教学设计，上一节校级汇报课，课堂常规达标。');
  const mathNovice = ctx.teachers.find((x) => !x.userId && x.stage === 'novice' && x.groupId === org.departmentIds.get('数学教研组'));
  await pair(t('school.math'), mathNovice, '提高作业设计与讲评能力，完成一篇教学案例。');

  const backbone = ctx.teachers.filter((x) => ['school.office', 'school.chinese', 'school.math'].includes(x.username ?? ''));
  await db.insert(backboneHours).values(
    backbone.flatMap((b, i) => [
      {
        orgId: org.orgId,
        teacherId: b.id,
        kind: 'theory' as const,
        hours: 24 + i * 8,
        occurredOn: `${first}-09-20`,
        title: '区骨干教师理论研修（集中学习）',
        createdAt: now,
      },
      {
        orgId: org.orgId,
        teacherId: b.id,
        kind: 'practice' as const,
        hours: 12 + i * 6,
        occurredOn: `${first}-10-25`,
        title: '送教下乡与示范课',
        createdAt: now,
      },
    ]),
  );
  const ones = (username: string, items: ('book' | 'demo_lesson' | 'lesson_evaluation' | 'narrative')[]) => {
    const x = t(username);
    return x
      ? items.map((item, i) => ({
          orgId: org.orgId,
          teacherId: x.id,
          schoolYear,
          item,
          title: { book: '《给教师的建议》', demo_lesson: '研讨课《圆的认识》', lesson_evaluation: '评《秋天的雨》', narrative: '教育叙事：那个沉默的孩子' }[
            item
          ],
          completedOn: `${first}-${String(9 + i).padStart(2, '0')}-15`,
          createdAt: now,
        }))
      : [];
  };
  await db
    .insert(fourOnes)
    .values([
      ...ones('school.office', ['book', 'demo_lesson', 'lesson_evaluation', 'narrative']),
      ...ones('school.t1', ['book', 'lesson_evaluation']),
      ...ones('school.t2', ['book']),
    ]);
}

/** ST-9, ST-15, ST-16: an open evaluation round, two assignments and this term's activities. */
export async function seedTermWork(ctx: SeedContext): Promise<void> {
  const { db, org, now, schoolYear, term, today } = ctx;
  const rand = seededRandom(5);
  const chinese = org.departmentIds.get('语文教研组') ?? null;
  const [past] = await db
    .insert(assignments)
    .values([
      {
        orgId: org.orgId,
        schoolYear,
        term,
        kind: 'lesson_design',
        title: '单元教学设计（语文）',
        description: '结合本组整本书阅读专题，提交一份单元教学设计。',
        dueOn: addDays(today, -14),
        groupId: chinese,
        createdBy: ctx.office.userId,
        createdAt: now,
      },
      {
        orgId: org.orgId,
        schoolYear,
        term,
        kind: 'reflection',
        title: '学习心得：新课标背景下的作业设计',
        description: '不少于 800 字。',
        dueOn: addDays(today, 10),
        createdBy: ctx.office.userId,
        createdAt: now,
      },
    ])
    .returning();
  const writers = ctx.teachers.filter((x) => x.groupId === chinese);
  await db.insert(submissions).values(
    writers
      .filter(() => rand() < 0.85)
      .map((w) => ({
        orgId: org.orgId,
        assignmentId: past.id,
        teacherId: w.id,
        content: '单元教学设计：目标、任务、评价与作业一体化。',
        submittedAt: new Date(now.getTime() - 16 * 86_400_000),
        isLate: false,
        reviewState: 'accepted' as const,
        reviewedBy: ctx.office.userId,
        reviewedByName: ctx.office.displayName,
        reviewedAt: now,
      })),
  );
  await db.insert(activities).values([
    {
      orgId: org.orgId,
      schoolYear,
      term,
      kind: 'experience_exchange',
      title: '班主任工作经验交流会',
      heldOn: addDays(today, -30),
      description: '三位班主任分享家校沟通经验。',
      createdBy: ctx.office.userId,
      createdAt: now,
    },
    {
      orgId: org.orgId,
      schoolYear,
      term,
      kind: 'case_analysis',
      title: '数学作业设计案例分析',
      heldOn: addDays(today, -20),
      groupId: org.departmentIds.get('数学教研组') ?? null,
      createdBy: ctx.office.userId,
      createdAt: now,
    },
    {
      orgId: org.orgId,
      schoolYear,
      term,
      kind: 'observation',
      title: '青年教师汇报课观摩',
      heldOn: addDays(today, -9),
      createdBy: ctx.office.userId,
      createdAt: now,
    },
  ]);
  const [round] = await db
    .insert(evaluationRounds)
    .values({
      orgId: org.orgId,
      schoolYear,
      term,
      title: `${schoolYear}学年第${term === 1 ? '一' : '二'}学期教师多元评价`,
      opensOn: addDays(today, -7),
      closesOn: addDays(today, 14),
      linkSecret: randomBytes(32).toString('hex'),
      createdBy: ctx.office.userId,
      createdAt: now,
    })
    .returning();
  const forms: (typeof evaluations.$inferInsert)[] = [];
  for (const x of ctx.teachers.slice(0, 20)) {
    for (const source of ['administrators', 'students'] as const) {
      const scores = {
        ethics: 4 + Math.round(rand()),
        teaching: 3 + Math.round(rand() * 2),
        participation: 4 + Math.round(rand()),
        growth: 3 + Math.round(rand() * 2),
        care: 4 + Math.round(rand()),
      };
      const r = scoreOfForm(scores);
      forms.push({
        orgId: org.orgId,
        roundId: round.id,
        teacherId: x.id,
        source,
        evaluatorKey: `${source}-seed-${x.id}`,
        scores,
        score: 'score' in r ? r.score : 80,
        createdAt: now,
      });
    }
  }
  await db.insert(evaluations).values(forms);
}
