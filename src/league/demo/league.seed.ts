import { addDays, localDateOf, schoolYearOf, termOf, termRange, weekStartOf } from '#core/calendar';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { getPolicy } from '#core/policy';
import { leagueBranches, leagueMembers, leagueRegistrations, termCodeOf } from '../members';
import { blackboardChecks, blackboardScores, DEFAULT_CRITERIA, flagRaisings, leaguePlanItems, leaguePlans, weekdaysBetween } from '../work-plan';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['子涵', '梓萱', '浩然', '欣怡', '宇轩', '思彤', '俊熙', '雨桐', '博文', '佳怡', '一诺', '明轩'];
const WEEK_THEMES = [
  '文明礼仪从我做起',
  '爱国主义教育',
  '安全教育',
  '勤俭节约',
  '诚信教育',
  '珍爱生命',
  '感恩教育',
  '学习习惯养成',
  '网络安全',
  '法治教育',
  '心理健康',
  '环境保护',
  '冬季安全',
  '期末复习动员',
];
const TERM_ONE = [
  { month: 9, theme: '行为规范教育月', activities: ['团员注册，支部委员摸底', '开学升旗仪式与国旗下讲话', '完善团员档案'] },
  { month: 10, theme: '爱国主义教育月', activities: ['国庆主题团日活动', '“青春风铃”广播社招新'] },
  { month: 11, theme: '法治与安全教育月', activities: ['法治讲座', '消防疏散演练'] },
  { month: 12, theme: '诚信感恩教育月', activities: ['征文评比', '一二·九主题演讲'] },
  { month: 1, theme: '总结实践月', activities: ['学期末评优', '安排寒假社会实践'] },
];

/** YL-1 … YL-3 demo: four branches with members, this term's plan, flag-raisings and blackboard checks so far. */
export async function seedLeagueSchool(db: Db, org: DemoOrg): Promise<void> {
  const policy = await getPolicy(db, org.orgId);
  const today = localDateOf(org.today, policy.calendar.utcOffsetMinutes);
  const schoolYear = schoolYearOf(today);
  const term = termOf(today);
  const range = termRange(schoolYear, term);
  const branches = await db
    .insert(leagueBranches)
    .values([
      { orgId: org.orgId, name: '七年级一班团支部', grade: 7 },
      { orgId: org.orgId, name: '八年级一班团支部', grade: 8 },
      { orgId: org.orgId, name: '九年级一班团支部', grade: 9 },
      { orgId: org.orgId, name: '九年级二班团支部', grade: 9 },
    ])
    .returning();
  const members = await db
    .insert(leagueMembers)
    .values(
      Array.from({ length: 36 }, (_, i) => {
        const b = branches[i % 4];
        const isPreparatory = b.grade === 7 || i % 9 === 0;
        return {
          orgId: org.orgId,
          branchId: b.id,
          studentNo: `S${2020 + (10 - b.grade)}${String(i + 1).padStart(3, '0')}`,
          name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`,
          gender: i % 2 ? ('female' as const) : ('male' as const),
          status: isPreparatory ? ('preparatory' as const) : ('member' as const),
          preparatorySince: addDays(range.from, 20),
          joinedOn: isPreparatory ? null : `${Number(schoolYear.slice(0, 4)) - 1}-05-04`,
        };
      }),
    )
    .returning();
  await db
    .insert(leagueRegistrations)
    .values(members.slice(0, 30).map((m) => ({ orgId: org.orgId, memberId: m.id, termCode: termCodeOf(schoolYear, term), registeredOn: range.from })));
  const [plan] = await db
    .insert(leaguePlans)
    .values({
      orgId: org.orgId,
      schoolYear,
      term,
      title: `${schoolYear}学年第${term === 1 ? '一' : '二'}学期团委工作计划`,
      guiding: '在上级团委和学校党委的领导下，以素质教育为主线，以学校德育工作为轴心，开展适合青少年的团的学习和活动。',
      goals: '增强团员的政治意识、组织意识和模范意识；完善“团委—团支部”管理体系。',
    })
    .returning();
  const months = term === 1 ? TERM_ONE : policy.league.themedMonths;
  const currentMonth = Number(today.slice(5, 7));
  const isPast = (month: number) =>
    term === 1 ? (month >= 9 ? month : month + 12) < (currentMonth >= 9 ? currentMonth : currentMonth + 12) : month < currentMonth;
  await db.insert(leaguePlanItems).values(
    months.flatMap((m) =>
      m.activities.map((title, i) => ({
        orgId: org.orgId,
        planId: plan.id,
        month: m.month,
        theme: m.theme,
        title,
        sort: i,
        state: isPast(m.month) ? ('done' as const) : ('planned' as const),
        doneOn: isPast(m.month) ? range.from : null,
      })),
    ),
  );
  const mondays = weekdaysBetween(range.from, today, policy.league.flagRaisingWeekday);
  await db.insert(flagRaisings).values(
    mondays
      .filter((_, i) => i !== 3)
      .map((weekStart, i) => ({
        orgId: org.orgId,
        weekStart,
        theme: WEEK_THEMES[i % WEEK_THEMES.length],
        focus: '落实本周德育重点，开展主题班会',
        classMeetingTheme: WEEK_THEMES[i % WEEK_THEMES.length],
        blackboardTheme: WEEK_THEMES[Math.floor(i / 2) % WEEK_THEMES.length],
        speaker: '学生代表',
        heldOn: weekStart,
      })),
  );
  const firstCheck = addDays(weekStartOf(range.from), 11);
  const checks = await db
    .insert(blackboardChecks)
    .values(
      Array.from({ length: 9 }, (_, i) => ({
        orgId: org.orgId,
        checkOn: addDays(firstCheck, i * policy.league.blackboardEveryDays),
        theme: WEEK_THEMES[(i * 2) % WEEK_THEMES.length],
        criteria: DEFAULT_CRITERIA,
        publishedAt: org.today,
      })).filter((c) => c.checkOn <= range.to),
    )
    .returning();
  const done = checks.filter((c) => c.checkOn < today);
  if (done.length) {
    await db.insert(blackboardScores).values(
      done.flatMap((c, k) =>
        branches.map((b, j) => {
          const scores = Object.fromEntries(DEFAULT_CRITERIA.map((x, n) => [x.item, x.points - ((j + k + n) % 4) * 2]));
          return { orgId: org.orgId, checkId: c.id, branchId: b.id, scores, total: Object.values(scores).reduce((s, v) => s + v, 0), checkedAt: org.today };
        }),
      ),
    );
  }
}
