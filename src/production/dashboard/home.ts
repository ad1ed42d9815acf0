import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { hasPermission } from '#core/access';
import { STATE_LABELS, type DocumentState } from '#core/approval';
import { findings } from '#core/assessment';
import type { Db } from '#core/db';
import { card, figure, type HomeCard, type HomeFigure, type HomeSourceContext, type HomeSourceDeclaration, type Words } from '#core/home';
import { addMonths, monthOf, monthStart } from '../common/index';
import { prodOrders } from '../demand/index';
import { findPlans, type PlanSummary } from '../plan/index';

const CAPACITY_WORDS: Record<string, Words> = {
  over: { zh: '超产能', en: 'over capacity' },
  under: { zh: '产能闲置', en: 'under capacity' },
  over_under: { zh: '部分超产能', en: 'partly over capacity' },
};

/** A month's plan in words: its approval state, and its capacity verdict when it is off. */
function planFigure(label: Words, plan: PlanSummary | null): HomeFigure {
  if (!plan) return figure(label, { zh: '未编制', en: 'Not drafted' }, { link: '/production/plans', tone: 'warning' });
  const state = STATE_LABELS[plan.state as DocumentState] ?? { zh: '草稿', en: 'Draft' };
  const capacity = CAPACITY_WORDS[plan.capacityStatus];
  const value = capacity ? { zh: `${state.zh}（${capacity.zh}）`, en: `${state.en} (${capacity.en})` } : state;
  const tone = plan.capacityStatus === 'over' || plan.capacityStatus === 'over_under' ? 'danger' : plan.state === 'issued' ? 'good' : 'normal';
  return figure(label, value, { link: plan.link, tone });
}

/** Orders waiting for their joint review, and open production findings (the dashboard counts the same). */
export async function countOrdersIn(db: Db, orgId: string, states: string[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(prodOrders)
    .where(and(eq(prodOrders.orgId, orgId), inArray(prodOrders.state, states as never[])));
  return row.n;
}

export async function countOpenProductionFindings(db: Db, orgId: string): Promise<{ n: number; amount: number }> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, amount: sql<number>`coalesce(sum(${findings.amount}), 0)::float8` })
    .from(findings)
    .where(and(eq(findings.orgId, orgId), like(findings.ruleCode, 'production.%'), inArray(findings.state, ['open', 'disputed', 'confirmed'])));
  return row;
}

/**
 * The production card on each plant person's home (issue 15 item 3): this and next month's
 * plan with its approval state and capacity verdict, orders waiting for review, open findings.
 * Their to-dos come through the inbox sources.
 */
async function findProductionCard({ db, actor, today }: HomeSourceContext): Promise<HomeCard | null> {
  if (!hasPermission(actor, 'production.read')) return null;
  const month = monthOf(today);
  const next = addMonths(month, 1);
  const monthly = await findPlans(db, actor, { kind: 'monthly', from: monthStart(month), to: monthStart(next) });
  const planOf = (m: string) => monthly.find((p) => p.periodStart === monthStart(m)) ?? null;
  const toReview = await countOrdersIn(db, actor.orgId, ['received', 'in_review', 'rejected']);
  const open = await countOpenProductionFindings(db, actor.orgId);
  return card(
    'production',
    { zh: '生产计划', en: 'Production' },
    {
      link: '/production',
      figures: [
        planFigure({ zh: `${Number(month.slice(5, 7))}月计划`, en: `${month} plan` }, planOf(month)),
        planFigure({ zh: `${Number(next.slice(5, 7))}月计划`, en: `${next} plan` }, planOf(next)),
        figure({ zh: '待汇审订单', en: 'Orders to review' }, toReview, { link: '/production/orders', tone: toReview > 0 ? 'warning' : 'normal' }),
        figure({ zh: '未结考核', en: 'Open findings' }, open.n, { link: '/assessment', tone: open.n > 0 ? 'warning' : 'good' }),
      ],
    },
  );
}

export const productionHomeSource: HomeSourceDeclaration = { name: 'production', find: findProductionCard };
