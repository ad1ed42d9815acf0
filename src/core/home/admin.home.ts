import { and, eq, gte, lte, ne, sql } from 'drizzle-orm';
import { hasPermission, SYSTEM_USER_ID } from '../access';
import { holidays } from '../calendar';
import { userRoles, users } from '../org';
import type { HomeCard } from './home.contract';
import { card, figure, task, toneOfGap } from './home.rules';
import type { HomeSourceContext, HomeSourceDeclaration } from './home.service';

const SET_UP = { zh: '系统设置', en: 'Set-up' };

/**
 * The administrator's home (issue 15 item 3): who is not set up yet (no role, no department)
 * and, from November, next year's national holidays not yet in the calendar.
 */
async function findAdminCard({ db, actor, today }: HomeSourceContext): Promise<HomeCard | null> {
  const canPeople = hasPermission(actor, 'admin.users');
  const canCalendar = hasPermission(actor, 'admin.policy');
  if (!canPeople && !canCalendar) return null;
  const tasks = [];
  const figures = [];
  if (canPeople) {
    const [people] = await db
      .select({
        active: sql<number>`count(*)::int`,
        noDepartment: sql<number>`count(*) filter (where ${users.departmentId} is null)::int`,
        noRole: sql<number>`count(*) filter (where not exists (select 1 from ${userRoles} where ${userRoles.orgId} = ${users.orgId} and ${userRoles.userId} = ${users.id}))::int`,
      })
      .from(users)
      .where(and(eq(users.orgId, actor.orgId), eq(users.isActive, true), ne(users.id, SYSTEM_USER_ID)));
    figures.push(
      figure({ zh: '在用账号', en: 'Active accounts' }, people.active, { link: '/admin/people' }),
      figure({ zh: '未分配角色', en: 'Without a role' }, people.noRole, { link: '/admin/people', tone: toneOfGap(people.noRole) }),
      figure({ zh: '未分配部门', en: 'Without a department' }, people.noDepartment, { link: '/admin/people', tone: toneOfGap(people.noDepartment) }),
    );
    if (people.noRole > 0)
      tasks.push(
        task(
          SET_UP,
          { zh: `${people.noRole} 个账号未分配角色，登录后什么也做不了`, en: `${people.noRole} accounts have no role and can do nothing` },
          '/admin/people',
        ),
      );
    if (people.noDepartment > 0)
      tasks.push(task(SET_UP, { zh: `${people.noDepartment} 个账号未分配部门`, en: `${people.noDepartment} accounts have no department` }, '/admin/people'));
  }
  if (canCalendar && Number(today.slice(5, 7)) >= 11) {
    const next = Number(today.slice(0, 4)) + 1;
    const [days] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(holidays)
      .where(and(eq(holidays.orgId, actor.orgId), gte(holidays.date, `${next}-01-01`), lte(holidays.date, `${next}-12-31`)));
    figures.push(figure({ zh: `${next} 年节假日`, en: `${next} holidays` }, days.n, { link: '/admin/calendar', tone: toneOfGap(days.n === 0 ? 1 : 0) }));
    if (days.n === 0)
      tasks.push(
        task(
          SET_UP,
          { zh: `导入 ${next} 年法定节假日（排产与截止日按工作日计算）`, en: `Import the ${next} public holidays (plans and deadlines count working days)` },
          '/admin/calendar',
          { due: `${next}-01-01` },
        ),
      );
  }
  return card('admin', { zh: '系统管理', en: 'Administration' }, { link: canPeople ? '/admin/people' : '/admin/calendar', figures, tasks });
}

export const adminHomeSource: HomeSourceDeclaration = { name: 'admin', find: findAdminCard };
