import { acknowledgeDocument, approveDocument, type ChainStep, getDocument, issueDocument, saveApprovalChain, type Workflows } from '#core/approval';
import { addDays } from '#core/calendar';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { round } from '../common/index';
import { createNotice, issueNotice, recordTransfer } from '../notice/index';
import {
  addCountermeasure,
  applyLevelPlan,
  bucketStarts,
  confirmWeeklyPlan,
  createPlan,
  createPlanFromRequest,
  createPlanRequest,
  deriveWeeklyPlans,
  fillPlanFromDemand,
  getPlanView,
  saveAnnualInput,
  savePlanLines,
  spreadEvenly,
  submitPlan,
} from '../plan/index';
import { loadWorkshopCapacity } from '../master/index';
import { MONTHLY_SALES, PEAK, type DemoPeople } from './demand.demo';
import type { DemoClock } from './demo-clock';
import type { DemoMaster } from './master.demo';

const step = (key: string, nameZh: string, nameEn: string, roleCode: string): ChainStep => ({ key, nameZh, nameEn, roleCode });

export async function seedDemoChains(db: Db, workflows: Workflows, org: DemoOrg) {
  const chains: Record<string, ChainStep[]> = {
    'production.order_review': [step('gm', '总经理审批', 'General manager approval', 'gm')],
    'production.quarterly_plan': [
      step('vp', '生产总监审核', 'Production director review', 'vp_production'),
      step('gm', '总经理审批', 'General manager approval', 'gm'),
    ],
    'production.special_plan': [step('vp', '副总经理审批', 'VP approval', 'vp_production')],
    'production.temporary_plan': [step('vp', '副总经理审批', 'VP approval', 'vp_production')],
  };
  for (const [docType, steps] of Object.entries(chains))
    await saveApprovalChain(db, workflows, org.actor, docType, { steps, allowSelfApproval: false }, org.today);
}

/** Every overload of a demo plan gets the planner's answer, so it can go up for approval. */
async function answerOverloads(db: Db, workflows: Workflows, people: DemoPeople, planId: string, at: Date) {
  const view = await getPlanView(db, workflows, people.planner, planId);
  for (const o of view.overloads) {
    await addCountermeasure(
      db,
      people.planner,
      planId,
      {
        workshopId: o.workshopId,
        bucketStart: o.start,
        kind: 'overtime',
        description: `${o.workshopName}安排周六加班一个班次`,
        extraHours: round(o.load - o.capacity, 1),
      },
      at,
    );
  }
}

/** Approves a plan through its whole chain, each step by the person holding its role. */
async function approveAll(db: Db, workflows: Workflows, people: DemoPeople, documentId: string, at: Date) {
  const byRole: Record<string, typeof people.vp> = { vp_production: people.vp, gm: people.gm, board: people.gm };
  for (let i = 0; i < 5; i++) {
    const doc = await getDocument(db, workflows, people.planner, documentId);
    if (doc.state !== 'submitted') return;
    const role = doc.steps[doc.stepIndex ?? 0]?.roleCode;
    await approveDocument(db, workflows, byRole[role], documentId, { version: doc.version, opinion: '同意' }, at);
  }
}

async function issue(db: Db, org: DemoOrg, people: DemoPeople, documentId: string, at: Date) {
  const doc = await getDocument(db, org.workflows, people.planner, documentId);
  const departmentIds = ['酿造车间', '灌装车间', '包装车间', '仓库', '采购部', '质量部', '市场部']
    .map((n) => org.departmentIds.get(n))
    .filter((x): x is string => !!x);
  await issueDocument(db, org.workflows, people.planner, documentId, { version: doc.version, departmentIds }, at);
}

export async function seedDemoPlans(db: Db, workflows: Workflows, org: DemoOrg, people: DemoPeople, master: DemoMaster, clock: DemoClock) {
  // This month's plan: compiled by the 28th, approved by the vice GM, issued before month end (PP-8).
  const current = await createPlan(db, workflows, people.planner, { kind: 'monthly', month: clock.month }, clock.prevMonthAt(20));
  await fillPlanFromDemand(db, people.planner, current.id, current.version, clock.prevMonthAt(21));
  await answerOverloads(db, workflows, people, current.id, clock.prevMonthAt(23));
  let doc = await getDocument(db, workflows, people.planner, current.documentId!);
  await submitPlan(db, workflows, people.planner, current.id, { version: doc.version, opinion: '请审批' }, clock.prevMonthAt(24));
  await approveAll(db, workflows, people, current.documentId!, clock.prevMonthAt(26));
  await issue(db, org, people, current.documentId!, clock.prevMonthAt(27));
  for (const who of [people.fill, people.brew, people.warehouse]) await acknowledgeDocument(db, who, current.documentId!, clock.prevMonthAt(28));

  // Next month's plan, being compiled for the year-end peak: filling is over capacity in one week.
  const next = await createPlan(db, workflows, people.planner, { kind: 'monthly', month: clock.nextMonth }, clock.daysAgo(1));
  const nextView = await getPlanView(db, workflows, people.planner, next.id);
  const days = bucketStarts(nextView);
  const filling = (await loadWorkshopCapacity(db, org.orgId, days[0], days[days.length - 1])).find((w) => w.workshop.code === 'GZ');
  const working = days.map((_, k) => (filling ? filling.hours[k] > 0 : true));
  const lines = Object.entries(MONTHLY_SALES).map(([code, qty]) => {
    const demand = Math.round(qty * PEAK);
    const quantities = spreadEvenly(demand, working);
    // The export batch of CP-001 is built in the second week.
    if (code === 'CP-001') for (let k = 7; k < 14; k++) if (working[k]) quantities[k] += 300;
    return { itemId: master.items.get(code)!, forecastQty: demand, quantities };
  });
  await savePlanLines(db, people.planner, next.id, { version: nextView.version, lines }, clock.daysAgo(0));

  // The workshops' weekly plans for this week (PP-10); filling has confirmed its own.
  const weekly = await deriveWeeklyPlans(db, workflows, people.planner, current.id, clock.day, clock.daysAgo(0));
  const fillingWeek = weekly.find((w) => w.workshopId === master.workshops.get('GZ'));
  if (fillingWeek) await confirmWeeklyPlan(db, people.fill, fillingWeek.id, fillingWeek.version, clock.daysAgo(0));

  // A production notice for the gift boxes (PP-13) and a transfer that quotes it.
  const notice = await createNotice(
    db,
    people.planner,
    {
      planId: current.id,
      workshopId: master.workshops.get('BZ'),
      itemId: master.items.get('CP-006')!,
      qty: 1000,
      qualityRequirements: '酒体符合 GB/T 10781.1 优级；礼盒无破损、烫金清晰',
      packagingRequirements: '双瓶礼盒装，外箱 4 盒/箱，附合格证',
      dueOn: addDays(clock.day, 10),
    },
    clock.daysAgo(0),
  );
  await issueNotice(db, people.planner, notice.id, notice.version, clock.daysAgo(0));
  await recordTransfer(
    db,
    people.planner,
    {
      noticeNumber: notice.number,
      itemId: master.items.get('BJ-52')!,
      qty: 1020,
      fromWorkshopId: master.workshops.get('NZ'),
      toWorkshopId: master.workshops.get('GZ'),
      transferredOn: clock.day,
      note: '礼盒用基酒',
    },
    clock.daysAgo(0),
  );

  // PP-11: a temporary requirement that the cork stock cannot meet (written feedback at once),
  // and a special one planned but not issued within its 2 days.
  await createPlanRequest(
    db,
    people.market,
    { kind: 'temporary', title: '酒店集团干红加急', lines: [{ itemId: master.items.get('CP-004')!, qty: 3000, dueOn: addDays(clock.day, 3) }] },
    clock.daysAgo(0),
  );
  const special = await createPlanRequest(
    db,
    people.market,
    { kind: 'special', title: '出口订单专项生产', lines: [{ itemId: master.items.get('CP-001')!, qty: 1200, dueOn: addDays(clock.day, 12) }] },
    clock.daysAgo(5),
  );
  const { plan: specialPlan } = await createPlanFromRequest(db, workflows, people.planner, special.id, special.version, clock.daysAgo(4));
  // Submitted late: it waits in the vice GM's inbox (the approval view on a phone).
  await answerOverloads(db, workflows, people, specialPlan.id, clock.daysAgo(2));
  doc = await getDocument(db, workflows, people.planner, specialPlan.documentId!);
  await submitPlan(db, workflows, people.planner, specialPlan.id, { version: doc.version, opinion: '出口订单，请尽快审批' }, clock.daysAgo(2));

  // The annual plan with the departments' inputs, approved up to the board (PP-6), and next
  // quarter's rolling plan levelled by the aggregate plan (PP-7).
  const year = Number(clock.month.slice(0, 4));
  const annual = await createPlan(db, workflows, people.planner, { kind: 'annual', year }, clock.at(`${year}-01-06`));
  await saveAnnualInput(
    db,
    people.market,
    annual.id,
    { party: 'market', content: '预计全年销量增长 8%，春节、中秋为旺季；主销 52 度浓香。价格维持上年水平。' },
    clock.at(`${year}-01-06`),
  );
  await saveAnnualInput(
    db,
    people.head,
    annual.id,
    { party: 'production', content: '灌装线 2 条，每日两班；包装线 3 条，每日一班；酿造车间两班两条线，基酒产能每日约 8,000 升。' },
    clock.at(`${year}-01-07`),
  );
  await fillPlanFromDemand(db, people.planner, annual.id, annual.version, clock.at(`${year}-01-08`));
  await answerOverloads(db, workflows, people, annual.id, clock.at(`${year}-01-08`));
  doc = await getDocument(db, workflows, people.planner, annual.documentId!);
  await submitPlan(db, workflows, people.planner, annual.id, { version: doc.version }, clock.at(`${year}-01-09`));
  await approveAll(db, workflows, people, annual.documentId!, clock.at(`${year}-01-12`));
  await issue(db, org, people, annual.documentId!, clock.at(`${year}-01-13`));
  const quarter = Math.min(4, Math.floor((Number(clock.nextMonth.slice(5, 7)) - 1) / 3) + 1);
  const qYear = Number(clock.nextMonth.slice(0, 4));
  const quarterly = await createPlan(db, workflows, people.planner, { kind: 'quarterly', year: qYear, quarter }, clock.daysAgo(0));
  await applyLevelPlan(db, people.planner, quarterly.id, quarterly.version, clock.daysAgo(0)).catch(() => undefined);
}
