import type { Actor } from '#core/access';
import {
  acknowledgeDocument,
  approveDocument,
  type ChainStep,
  getDocument,
  issueDocument,
  saveApprovalChain,
  submitDocument,
  type Workflows,
} from '#core/approval';
import { disputeFinding, findings } from '#core/assessment';
import { loadActor } from '#core/auth';
import { addDays, isoWeekday, orgToday } from '#core/calendar';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { and, eq, inArray } from 'drizzle-orm';
import { runExecutionAssessment } from '../assessment/index';
import { addMonths, monthEnd, monthStart, round } from '../common/index';
import { loadWorkshopCapacity } from '../master/index';
import { addCountermeasure, createPlan, getPlanView, savePlanLines, spreadEvenly, submitPlan } from '../plan/index';
import {
  createDailySchedule,
  DAILY_SCHEDULE_DOC,
  findCoordinationItems,
  isFinalOperation,
  loadPlanSeries,
  resolveCoordination,
  saveVarianceCause,
  submitReport,
} from '../report/index';
import { type DemoPeople, MONTHLY_SALES } from './demand.demo';
import type { DemoClock } from './demo-clock';
import type { DemoMaster } from './master.demo';

// A month of execution for the demo plant (PP-18, PP-22, PP-27, PP-29): last month's plan and
// its daily reports with 进仓, the month-end causes and the T2 七.2 / 七.3 findings they lead
// to; this month's schedules, issued last month; this month's reports up to yesterday, with
// filling behind on one product and its coordination item open for the production head.

const RECIPIENTS = ['生产部', '市场部', '采购部', '质量部', '技术研发部'];

interface Shortfall {
  workshop: string;
  product: string;
  factor: number;
  stoppage?: { reason: 'quality' | 'material'; minutes: number; note: string };
}

/**
 * Last month's plan: the regular sales spread over the filling workshop's working days, issued in
 * time. Seeded before this month's plans, so this week's workshop plans include its last days.
 */
export async function seedDemoLastMonthPlan(db: Db, workflows: Workflows, org: DemoOrg, people: DemoPeople, master: DemoMaster, clock: DemoClock) {
  const month = addMonths(clock.month, -1);
  const before = addMonths(month, -1);
  const plan = await createPlan(db, workflows, people.planner, { kind: 'monthly', month }, clock.at(`${before}-20`));
  const view = await getPlanView(db, workflows, people.planner, plan.id);
  const filling = (await loadWorkshopCapacity(db, org.orgId, monthStart(month), monthEnd(month))).find((w) => w.workshop.code === 'GZ');
  const working = (filling?.hours ?? []).map((h) => h > 0);
  const lines = Object.entries(MONTHLY_SALES).map(([code, qty]) => ({
    itemId: master.items.get(code)!,
    forecastQty: qty,
    quantities: spreadEvenly(qty, working),
  }));
  await savePlanLines(db, people.planner, plan.id, { version: view.version, lines }, clock.at(`${before}-21`));
  for (const o of (await getPlanView(db, workflows, people.planner, plan.id)).overloads) {
    await addCountermeasure(
      db,
      people.planner,
      plan.id,
      {
        workshopId: o.workshopId,
        bucketStart: o.start,
        kind: 'overtime',
        description: `${o.workshopName}安排周六加班`,
        extraHours: round(o.load - o.capacity, 1),
      },
      clock.at(`${before}-22`),
    );
  }
  let doc = await getDocument(db, workflows, people.planner, view.documentId!);
  await submitPlan(db, workflows, people.planner, plan.id, { version: doc.version, opinion: '请审批' }, clock.at(`${before}-24`));
  doc = await approveDocument(
    db,
    workflows,
    people.vp,
    doc.id,
    { version: (await getDocument(db, workflows, people.vp, doc.id)).version, opinion: '同意' },
    clock.at(`${before}-25`),
  );
  const departmentIds = ['酿造车间', '灌装车间', '包装车间', '仓库', '采购部', '质量部', '市场部']
    .map((n) => org.departmentIds.get(n))
    .filter((x): x is string => !!x);
  await issueDocument(db, workflows, people.planner, doc.id, { version: doc.version, departmentIds }, clock.at(`${before}-26`));
}

/** This month's daily schedules of brewing and filling, drawn, approved and issued last month (T2 (2011) 3.(1)). */
async function schedules(db: Db, workflows: Workflows, org: DemoOrg, people: DemoPeople, master: DemoMaster, clock: DemoClock) {
  const step: ChainStep = { key: 'head', nameZh: '生产管理部审核', nameEn: 'Production review', roleCode: 'production_head' };
  await saveApprovalChain(db, workflows, org.actor, DAILY_SCHEDULE_DOC, { steps: [step], allowSelfApproval: false }, org.today);
  const departmentIds = RECIPIENTS.map((n) => org.departmentIds.get(n)).filter((x): x is string => !!x);
  for (const [code, director] of [
    ['NZ', people.brew],
    ['GZ', people.fill],
  ] as const) {
    const s = await createDailySchedule(db, workflows, director, { month: clock.month, workshopId: master.workshops.get(code)! }, clock.prevMonthAt(28, 10));
    let doc = await submitDocument(db, workflows, director, s.documentId, { version: 1, opinion: '请审核' }, clock.prevMonthAt(28, 11));
    doc = await approveDocument(db, workflows, people.head, doc.id, { version: doc.version, opinion: '同意，按此组织' }, clock.prevMonthAt(28, 15));
    await issueDocument(db, workflows, director, doc.id, { version: doc.version, departmentIds, userIds: [people.vp.userId] }, clock.prevMonthAt(28, 16));
    for (const who of [people.vp, people.planner, people.market]) await acknowledgeDocument(db, who, doc.id, clock.prevMonthAt(29, 9)).catch(() => undefined);
  }
}

/** One shift report per workshop and working day, the day's plan as made, but for the shortfalls. */
async function reportDays(
  db: Db,
  org: DemoOrg,
  master: DemoMaster,
  reporters: Map<string, Actor>,
  from: string,
  to: string,
  shortfalls: Shortfall[],
  clock: DemoClock,
) {
  if (to < from) return;
  const series = await loadPlanSeries(db, org.orgId, from, to);
  const codeOf = new Map([...master.items].map(([code, id]) => [id, code]));
  const workshopCode = new Map([...master.workshops].map(([code, id]) => [id, code]));
  for (const [k, day] of series.days.entries()) {
    if (isoWeekday(day) === 7) continue;
    for (const [workshopId, lines] of series.plan) {
      const reporter = reporters.get(workshopCode.get(workshopId) ?? '');
      if (!reporter) continue;
      const stoppages: { reason: 'quality' | 'material'; minutes: number; note: string; itemId: string }[] = [];
      const out = [...lines]
        .filter(([, q]) => q[k] > 0)
        .sort(([a], [b]) => (codeOf.get(a) ?? '').localeCompare(codeOf.get(b) ?? ''))
        .map(([itemId, q]) => {
          const short = shortfalls.find((s) => master.workshops.get(s.workshop) === workshopId && s.product === codeOf.get(itemId));
          // Output never below the plan where nothing went wrong (plans of base wine carry decimals).
          const outputQty = short ? Math.floor(q[k] * short.factor) : Math.ceil(q[k]);
          if (short?.stoppage) stoppages.push({ ...short.stoppage, itemId });
          const isFinal = isFinalOperation(series.finals, workshopId, itemId);
          return { itemId, outputQty, warehouseQty: isFinal ? outputQty : 0, scrapQty: round(q[k] * 0.002, 0) };
        });
      if (out.length === 0) continue;
      await submitReport(db, reporter, { workshopId, reportDate: day, shift: 1, hoursWorked: 8, lines: out, stoppages }, clock.at(day, 18));
    }
  }
}

export async function seedDemoReports(db: Db, workflows: Workflows, org: DemoOrg, people: DemoPeople, master: DemoMaster, clock: DemoClock) {
  const last = addMonths(clock.month, -1);
  // The plant's own day (its time zone), not the server's.
  const today = await orgToday(db, org.orgId, org.today);
  const id = org.userIds.get('plant.lead');
  const lead = id ? ((await loadActor(db, org.orgId, id)) ?? people.fill) : people.fill;
  await schedules(db, workflows, org, people, master, clock);
  const reporters = new Map<string, Actor>([
    ['NZ', people.brew],
    ['GZ', lead],
    ['BZ', people.head],
  ]);
  // Last month: packing short of the 清香 (night shift unmanned); filling lost time to chipped
  // bottle necks on the 干红.
  await reportDays(
    db,
    org,
    master,
    reporters,
    monthStart(last),
    monthEnd(last),
    [
      { workshop: 'BZ', product: 'CP-003', factor: 0.8 },
      { workshop: 'GZ', product: 'CP-004', factor: 0.85, stoppage: { reason: 'quality', minutes: 90, note: '瓶口破损，停线挑选' } },
    ],
    clock,
  );
  const resolveAll = async (note: string, at: Date) => {
    for (const c of await findCoordinationItems(db, people.head, { state: 'open' }))
      await resolveCoordination(db, people.head, c.id, { version: c.version, resolution: note }, at);
  };
  await resolveAll('已在生产调度例会上协调：包装车间临时调配人员，灌装车间加强来瓶检验', clock.at(monthEnd(last), 17));
  const causes = [
    {
      workshop: 'BZ',
      product: 'CP-003',
      causeKind: 'organisation' as const,
      cause: '包装线夜班缺员，排班不合理',
      correctiveAction: '本月起夜班固定 6 人，班长提前一天排班',
    },
    {
      workshop: 'GZ',
      product: 'CP-004',
      causeKind: 'quality' as const,
      cause: '750ml 瓶批次瓶口破损，停线挑选返工',
      correctiveAction: '质量部加严来瓶检验，供应商整改',
    },
  ];
  for (const c of causes) {
    await saveVarianceCause(
      db,
      people.head,
      {
        month: last,
        workshopId: master.workshops.get(c.workshop)!,
        itemId: master.items.get(c.product)!,
        causeKind: c.causeKind,
        cause: c.cause,
        correctiveAction: c.correctiveAction,
      },
      clock.at(monthStart(clock.month), 10),
    );
  }
  // This month up to yesterday: filling is behind on the 52度 浓香.
  await reportDays(
    db,
    org,
    master,
    reporters,
    monthStart(clock.month),
    addDays(today, -1),
    [{ workshop: 'GZ', product: 'CP-001', factor: 0.7, stoppage: { reason: 'material', minutes: 45, note: '瓶子到货晚' } }],
    clock,
  );
  // T2 (2011) 4.(1): last month assessed by 进仓; the filling director disputes the 七.3 finding.
  const run = await db.transaction((tx) => runExecutionAssessment(tx, org.actor, last, org.today));
  const rows = run.created.length
    ? await db
        .select()
        .from(findings)
        .where(and(eq(findings.orgId, org.orgId), inArray(findings.id, run.created)))
    : [];
  const quality = rows.find((f) => f.clause === 'T2 七.3');
  if (quality)
    await disputeFinding(db, people.fill, quality.id, {
      reason: '瓶口破损系供应商来瓶批次问题，车间已按规定停线挑选并上报，申请改由采购部承担',
      version: quality.version,
    });
}
