import { hasPermission } from '#core/access';
import { card, figure, type HomeCard, type HomeSourceContext, type HomeSourceDeclaration, type HomeTask, task, toneOfGap } from '#core/home';
import { getMemberTasks, termCodeOf } from './members';
import { findFlagRaisings } from './work-plan';
import { schoolYearOf, termOf, weekStartOf } from '#core/calendar';

const WEEKLY = { zh: '升旗仪式', en: 'Flag-raising' };
const REGISTER = { zh: '团员注册', en: 'Registration' };
const TRANSFER = { zh: '组织关系转出', en: 'Transfer out' };

/**
 * The League secretary's card (issue 15 item 3, S5 三.1 and 三.3): this week's flag-raising
 * theme, members not yet registered this term and graduates to transfer out.
 */
async function findLeagueCard({ db, actor, today }: HomeSourceContext): Promise<HomeCard | null> {
  if (!hasPermission(actor, 'league.read')) return null;
  const termCode = termCodeOf(schoolYearOf(today), termOf(today));
  const members = await getMemberTasks(db, actor, termCode, today);
  const monday = weekStartOf(today);
  const week = await findFlagRaisings(db, actor, { from: monday, to: monday }, today);
  const themeMissing = !week.weeks[0]?.record;
  const tasks: HomeTask[] = [];
  if (hasPermission(actor, 'league.manage')) {
    if (themeMissing)
      tasks.push(
        task(WEEKLY, { zh: '本周升旗仪式的主题未定', en: "This week's flag-raising theme is not set" }, '/league/weekly', {
          due: monday,
          isLate: today > monday,
        }),
      );
    if (members.unregistered.length > 0)
      tasks.push(
        task(
          REGISTER,
          { zh: `${members.unregistered.length} 名团员本学期未注册`, en: `${members.unregistered.length} members not registered this term` },
          '/league/members',
        ),
      );
    if (members.transferOutDue.length > 0)
      tasks.push(
        task(
          TRANSFER,
          { zh: `${members.transferOutDue.length} 名毕业年级团员待转出组织关系`, en: `${members.transferOutDue.length} graduating members to transfer out` },
          '/league/members',
        ),
      );
  }
  return card(
    'league',
    { zh: '团委工作', en: 'Youth League' },
    {
      link: '/league/plan',
      figures: [
        figure({ zh: '团员', en: 'Members' }, members.total, { link: '/league/members' }),
        figure({ zh: '本学期未注册', en: 'Not registered' }, members.unregistered.length, {
          link: '/league/members',
          tone: toneOfGap(members.unregistered.length),
        }),
        figure(
          { zh: '本周升旗主题', en: "This week's theme" },
          themeMissing ? { zh: '未定', en: 'Not set' } : { zh: week.weeks[0].record!.theme, en: week.weeks[0].record!.theme },
          { link: '/league/weekly', tone: themeMissing ? 'warning' : 'good' },
        ),
      ],
      tasks,
    },
  );
}

export const leagueHomeSource: HomeSourceDeclaration = { name: 'league', find: findLeagueCard };
