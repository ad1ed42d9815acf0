import { and, count, eq, gte, lte } from 'drizzle-orm';
import { hasPermission } from '#core/access';
import { card, figure, type HomeCard, type HomeSourceContext, type HomeSourceDeclaration, type HomeTask, isLate, task } from '#core/home';
import { addDays } from '#core/calendar';
import { trainingSessions } from '../session';
import { countWaitingDecisions } from './dashboard.service';
import { getMyHome } from './me.service';

const SIGN_IN = { zh: '培训签到', en: 'Sign-in' };
const WORK = { zh: '培训作业', en: 'Assignment' };
const EVALUATION = { zh: '多元评价', en: 'Evaluation' };
const SELF_STUDY = { zh: '每周自学', en: 'Self-study' };
const DUTY = { zh: '培训职责', en: 'Training duty' };
const WARNING = { zh: '考核提醒', en: 'Assessment warning' };

/**
 * A teacher's training card (issue 15 item 3): credits against the year, absences against the
 * limit, today's sessions; the to-dos are today's sign-ins, work due, evaluations, the week's
 * self-study, outlines to write and lists to keep, and any warning before the verdict.
 */
async function findTeacherCard({ db, actor, now, today }: HomeSourceContext): Promise<HomeCard> {
  const my = await getMyHome(db, actor, now);
  const tasks: HomeTask[] = [];
  for (const s of my.todaySessions) {
    if (!s.myRecord)
      tasks.push(
        task(SIGN_IN, { zh: `今日培训签到：${s.title}`, en: `Sign in today: ${s.title}` }, '/training/my', { due: new Date(s.startsAt).toISOString() }),
      );
  }
  for (const s of my.tasks.sessionsToRecord)
    tasks.push(task(DUTY, { zh: `今日记录考勤：${s.title}`, en: `Keep today's list: ${s.title}` }, `/training/sessions/${s.id}`, { due: today }));
  for (const s of my.tasks.outlinesToWrite)
    tasks.push(task(DUTY, { zh: `提交培训提纲：${s.title}`, en: `Hand in the outline: ${s.title}` }, `/training/sessions/${s.id}`, { due: s.sessionDate }));
  for (const a of my.tasks.assignments)
    tasks.push(
      task(WORK, { zh: `提交作业：${a.title}`, en: `Hand in: ${a.title}` }, '/training/my/work', { due: a.dueOn, isLate: isLate(a.dueOn, now, today) }),
    );
  for (const r of my.tasks.evaluations)
    tasks.push(task(EVALUATION, { zh: `填写自评：${r.title}`, en: `Self-evaluation: ${r.title}` }, '/training/my/work', { due: r.closesOn }));
  const study = my.tasks.selfStudyThisWeek;
  if (!study.isMet)
    tasks.push(
      task(
        SELF_STUDY,
        {
          zh: `本周自学摘抄（文章 ${study.articleExcerpts}、信息 ${study.informationExcerpts}）未达要求`,
          en: `This week's self-study excerpts (${study.articleExcerpts} articles, ${study.informationExcerpts} items) are short`,
        },
        '/training/my/work',
      ),
    );
  for (const w of my.standing?.warnings ?? [])
    tasks.push(task(WARNING, w.text, '/training/my', { isLate: w.code === 'absence_limit_reached' || w.code === 'cannot_reach' }));
  const standing = my.standing;
  return card(
    'training',
    { zh: '我的培训', en: 'My training' },
    {
      link: '/training/my',
      figures: [
        figure({ zh: '本学年学分', en: 'Credits this year' }, my.credits.total, {
          suffix: `/ ${my.credits.required}`,
          link: '/training/my/work?tab=credits',
          tone: my.credits.isMet ? 'good' : standing?.isBehindPace ? 'warning' : 'normal',
        }),
        ...(standing
          ? [
              figure({ zh: '无故缺席', en: 'Unexcused absences' }, standing.absences, {
                suffix: `/ ${standing.absenceLimit}`,
                link: '/training/my',
                tone: standing.absencesLeft <= 1 ? 'danger' : standing.absences > 0 ? 'warning' : 'good',
              }),
            ]
          : []),
        figure({ zh: '今日培训', en: 'Sessions today' }, my.todaySessions.length, { link: '/training/my' }),
      ],
      tasks,
    },
  );
}

/**
 * The office's training card: leave and credit claims waiting, and this week's sessions still
 * without an outline (the dashboard has the rest).
 */
async function findOfficeCard({ db, actor, today }: HomeSourceContext): Promise<HomeCard> {
  const waiting = await countWaitingDecisions(db, actor.orgId);
  const [week] = await db
    .select({ n: count() })
    .from(trainingSessions)
    .where(
      and(
        eq(trainingSessions.orgId, actor.orgId),
        eq(trainingSessions.state, 'scheduled'),
        gte(trainingSessions.sessionDate, today),
        lte(trainingSessions.sessionDate, addDays(today, 7)),
      ),
    );
  return card(
    'training',
    { zh: '校本培训', en: 'School-based training' },
    {
      link: '/training/dashboard',
      figures: [
        figure({ zh: '待批请假', en: 'Leave to decide' }, waiting.leave, { link: '/training/leave', tone: waiting.leave > 0 ? 'warning' : 'normal' }),
        figure({ zh: '待审学分', en: 'Credit claims' }, waiting.claims, { link: '/training/credits', tone: waiting.claims > 0 ? 'warning' : 'normal' }),
        figure({ zh: '未来 7 天培训', en: 'Sessions in 7 days' }, week.n, { link: '/training/sessions' }),
      ],
    },
  );
}

/** A person who teaches sees their own card; the office (and leaders) see the school's. Both when both. */
async function findTrainingCard(ctx: HomeSourceContext): Promise<HomeCard | null> {
  if (hasPermission(ctx.actor, 'training.read')) return findOfficeCard(ctx);
  if (hasPermission(ctx.actor, 'training.self')) return findTeacherCard(ctx);
  return null;
}

export const trainingHomeSource: HomeSourceDeclaration = { name: 'training', find: findTrainingCard };
