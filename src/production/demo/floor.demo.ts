import type { Actor } from '#core/access';
import { approveDocument, type ChainStep, getDocument, saveApprovalChain } from '#core/approval';
import { loadActor } from '#core/auth';
import { addDays, isoWeekday } from '#core/calendar';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { addAction, addDecision, updateMeeting } from '#core/meeting';
import {
  advanceUnmetPlan,
  callCoordinationMeeting,
  completeExceptionAction,
  escalateException,
  getExceptionOptions,
  reportException,
  reportUnmetPlan,
} from '../exception/index';
import { createPlanFromRequest, createPlanRequest } from '../plan/index';
import {
  actOnProcessDoc,
  addSafetyItem,
  closeRectification,
  createProcessDoc,
  findRectifications,
  getChecklistForm,
  getProcessDoc,
  recordOperation,
  recordPatrol,
  recordSafetyCheck,
  updateProcessDraft,
} from '../shopfloor/index';
import type { DemoClock } from './demo-clock';

// The shop floor of the demo plant (PP-19, PP-20): a week of safety checklists with one open
// rectification and one escalated, two patrols, operators' records, the filling procedure in
// force with a revision waiting for approval, and a 断料 in filling that hit packing, with the
// coordination meeting 李副总 chaired and its two action items (one closed).

const step = (key: string, nameZh: string, nameEn: string, roleCode: string): ChainStep => ({ key, nameZh, nameEn, roleCode });

async function people(db: Db, org: DemoOrg) {
  const names = [
    'plant.head',
    'plant.vp',
    'plant.fill',
    'plant.brew',
    'plant.lead',
    'plant.operator',
    'plant.purchase',
    'plant.tech',
    'plant.market',
    'plant.planner',
  ] as const;
  const out: Record<string, Actor> = {};
  for (const n of names) {
    const a = await loadActor(db, org.orgId, org.userIds.get(n) ?? '');
    if (!a) throw new Error(`demo person ${n} is missing`);
    out[n.slice(6)] = a;
  }
  return out as Record<'head' | 'vp' | 'fill' | 'brew' | 'lead' | 'operator' | 'purchase' | 'tech' | 'market' | 'planner', Actor>;
}

async function seedProcessDocs(db: Db, org: DemoOrg, p: Awaited<ReturnType<typeof people>>, workshops: Map<string, string>, clock: DemoClock) {
  for (const docType of ['production.process_spec', 'production.site_standard']) {
    await saveApprovalChain(
      db,
      org.workflows,
      org.actor,
      docType,
      {
        steps: [step('head', '生产部负责人审核', 'Production head review', 'production_head'), step('vp', '副总经理批准', 'VP approval', 'vp_production')],
        allowSelfApproval: false,
      },
      org.today,
    );
  }
  const approve = async (id: string, at: Date) => {
    for (const who of [p.head, p.vp]) {
      const d = await getDocument(db, org.workflows, who, id);
      await approveDocument(db, org.workflows, who, id, { version: d.version, opinion: '同意' }, at);
    }
  };
  const items = [
    { title: '开机前检查', requirement: '检查灌装阀、输瓶带和压盖头，点检记录完整后方可开机' },
    { title: '灌装温度', requirement: '酒液温度 15–20℃，每 2 小时测量并记录一次' },
    { title: '灌装液位', requirement: '液位距瓶口 55±3 mm，每小时抽检 5 瓶' },
    { title: '压盖', requirement: '压盖扭矩 1.0–1.2 N·m，无歪盖、漏盖' },
  ];
  let spec = await createProcessDoc(
    db,
    org.workflows,
    p.tech,
    { category: 'procedure', title: '灌装线操作规程', workshopId: workshops.get('GZ'), scope: '灌装车间 1、2 号灌装线', items },
    clock.daysAgo(40),
  );
  spec = await actOnProcessDoc(db, org.workflows, p.tech, spec.id, 'submit', { version: spec.version, opinion: '请审核' }, clock.daysAgo(40));
  await approve(spec.id, clock.daysAgo(39));
  // The revision for the new bottle type waits for the production head (T4 第四十二条 及时修订).
  spec = await getProcessDoc(db, org.workflows, p.tech, spec.id);
  spec = await actOnProcessDoc(
    db,
    org.workflows,
    p.tech,
    spec.id,
    'adjust',
    { version: spec.version, opinion: '新瓶型投产，修订灌装温度与液位' },
    clock.daysAgo(1),
  );
  const [first, temperature, level, capping] = spec.working.body.items;
  spec = await updateProcessDraft(
    db,
    org.workflows,
    p.tech,
    spec.id,
    {
      version: spec.version,
      title: spec.title,
      workshopId: workshops.get('GZ'),
      scope: spec.working.body.scope,
      items: [
        first,
        { ...temperature, requirement: '酒液温度 15–18℃，每小时测量并记录一次' },
        { ...level, requirement: '液位距瓶口 50±2 mm，每小时抽检 5 瓶' },
        capping,
        { title: '贴标', requirement: '标签居中，偏斜不超过 1 mm，无气泡' },
      ],
    },
    clock.daysAgo(1),
  );
  await actOnProcessDoc(db, org.workflows, p.tech, spec.id, 'submit', { version: spec.version, opinion: '请审核修订' }, clock.daysAgo(1));
  const standard = await createProcessDoc(
    db,
    org.workflows,
    p.tech,
    {
      category: 'standard',
      title: '生产现场定置管理标准',
      scope: '各生产车间',
      items: [
        { title: '定置摆放', requirement: '物料、半成品按定置图摆放，通道线内无杂物（T4 第四十条）' },
        { title: '清扫', requirement: '每班结束清扫作业区，地面无积水、无碎玻璃' },
      ],
    },
    clock.daysAgo(60),
  );
  const submitted = await actOnProcessDoc(db, org.workflows, p.tech, standard.id, 'submit', { version: standard.version }, clock.daysAgo(60));
  await approve(submitted.id, clock.daysAgo(59));
}

async function seedChecklists(db: Db, p: Awaited<ReturnType<typeof people>>, workshops: Map<string, string>, clock: DemoClock) {
  const plantWide = ['消防通道畅通，灭火器在有效期内', '设备防护罩、急停按钮完好', '电气线路无裸露、无私拉乱接', '作业人员劳保用品穿戴齐全'];
  for (const [i, text] of plantWide.entries()) await addSafetyItem(db, p.head, { text, sort: i + 1 });
  await addSafetyItem(db, p.head, { workshopId: workshops.get('GZ'), text: '灌装机安全联锁有效，玻璃碎片及时清理', sort: 1 });
  await addSafetyItem(db, p.head, { workshopId: workshops.get('NZ'), text: '发酵罐区通风良好，CO₂ 报警仪正常', sort: 1 });
  const forms = {
    GZ: await getChecklistForm(db, p.lead, workshops.get('GZ'), clock.daysAgo(7)),
    NZ: await getChecklistForm(db, p.brew, workshops.get('NZ'), clock.daysAgo(7)),
  };
  // A week of checklists; problems on three days: one fixed, one the workshop cannot fix, one open.
  for (let n = 7; n >= 1; n--) {
    const day = addDays(clock.day, -n);
    if (isoWeekday(day) === 7) continue;
    for (const [code, who] of [
      ['GZ', p.lead],
      ['NZ', p.brew],
    ] as const) {
      const form = forms[code];
      const problem = (text: string) => form.items.find((i) => i.text === text)?.id;
      const results = form.items.map((i) => ({ itemId: i.id, ok: true, note: '', cannotFix: false, dueOn: undefined as string | undefined }));
      const mark = (itemId: string | undefined, note: string, extra: { cannotFix?: boolean; dueOn?: string } = {}) => {
        const r = results.find((x) => x.itemId === itemId);
        if (r) Object.assign(r, { ok: false, note, ...extra });
      };
      if (code === 'GZ' && n === 2)
        mark(problem('设备防护罩、急停按钮完好'), '2 号灌装机防护罩变形，需外购配件', { cannotFix: true, dueOn: addDays(clock.day, 5) });
      if (code === 'NZ' && n === 1) mark(problem('发酵罐区通风良好，CO₂ 报警仪正常'), '3 号罐区 CO₂ 报警仪读数偏低，待校准', { dueOn: addDays(clock.day, 1) });
      if (code === 'GZ' && n === 4) mark(problem('消防通道畅通，灭火器在有效期内'), '东侧消防通道堆放空箱');
      await recordSafetyCheck(db, who, { workshopId: workshops.get(code)!, results }, clock.daysAgo(n, 8));
    }
  }
}

export async function seedFloorDemo(db: Db, org: DemoOrg, clock: DemoClock): Promise<void> {
  const p = await people(db, org);
  const options = await getExceptionOptions(db, p.lead, clock.daysAgo(2, 10));
  const workshops = new Map(options.workshops.map((w) => [w.code, w.id]));
  await seedProcessDocs(db, org, p, workshops, clock);
  await seedChecklists(db, p, workshops, clock);
  // The fire-exit boxes were cleared the same day.
  const [boxes] = (await findRectifications(db, p.lead, { workshopId: workshops.get('GZ'), state: 'open' }, clock.daysAgo(4, 16))).filter((r) =>
    r.problem.includes('空箱'),
  );
  if (boxes) await closeRectification(db, p.lead, boxes.id, { version: boxes.version, note: '空箱已移至包材库' }, clock.daysAgo(4, 16));
  await recordPatrol(db, p.fill, { workshopId: workshops.get('GZ')!, note: '上午巡检灌装线', findings: [] }, clock.daysAgo(3, 10));
  await recordPatrol(db, p.brew, { workshopId: workshops.get('NZ')!, note: '夜班交接巡检，发酵温度正常', findings: [] }, clock.daysAgo(1, 21));
  for (const [n, step, kind] of [
    [1, '灌装温度', 'self'],
    [1, '压盖', 'mutual'],
    [0, '灌装液位', 'self'],
  ] as const) {
    await recordOperation(
      db,
      p.operator,
      { workshopId: workshops.get('GZ')!, shift: 1, step, kind, result: 'ok', checkedUserId: kind === 'mutual' ? p.lead.userId : null },
      clock.daysAgo(n, 10),
    );
  }

  // PP-19: corks arrived late; filling line 2 stopped and packing had nothing to pack.
  const monthly = options.plans.find((x) => x.kind === 'monthly');
  const line = monthly?.lines.find((l) => l.code === 'CP-001');
  let e = await reportException(
    db,
    p.lead,
    {
      kind: 'material',
      workshopId: workshops.get('GZ')!,
      description: '软木塞到货延迟，灌装 2 号线停机待料，包装车间礼盒线随之停工',
      startedAt: clock.daysAgo(2, 9).toISOString(),
      affectedWorkshopIds: [workshops.get('BZ')!],
      lines: monthly && line ? [{ planId: monthly.id, itemId: line.itemId }] : [],
      hoursLost: 4,
      hoursEstimated: 12,
    },
    clock.daysAgo(2, 10),
  );
  e = await escalateException(db, p.head, e.id, { version: e.version, note: '影响包装车间和出口订单交期，请李副总协调' }, clock.daysAgo(2, 10));
  e = await callCoordinationMeeting(
    db,
    p.head,
    e.id,
    { version: e.version, startsAt: clock.daysAgo(2, 14).toISOString(), location: '生产部会议室' },
    clock.daysAgo(2, 11),
  );
  const meetingId = e.meetingId!;
  const decision = await addDecision(db, p.vp, meetingId, { body: '采购部当日催货并调剂库存；包装车间先做库存酒礼盒；灌装 2 号线到货后加班补产' });
  const chase = await addAction(db, p.vp, meetingId, {
    title: '催软木塞到货 3 万只',
    ownerUserId: p.purchase.userId,
    dueOn: addDays(clock.day, -1),
    decisionId: decision.id,
  });
  await addAction(db, p.vp, meetingId, {
    title: '灌装 2 号线周六加班补产 4 小时',
    ownerUserId: p.fill.userId,
    dueOn: addDays(clock.day, 3),
    decisionId: decision.id,
  });
  await updateMeeting(db, p.vp, meetingId, { version: 1, state: 'held', minutes: '研究断料对策：采购催货、包装调整、灌装加班补产。' });
  await completeExceptionAction(db, p.purchase, e.id, chase.id, { version: chase.version }, clock.daysAgo(1, 16));

  // PP-28 (T3 第十四条): filling cannot meet a temporary plan; production confirmed it and the
  // market department is to change the contract with the customer.
  const dry = options.plans.find((x) => x.kind === 'monthly')?.lines.find((l) => l.code === 'CP-005');
  if (dry) {
    const request = await createPlanRequest(
      db,
      p.market,
      { kind: 'temporary', title: '团购加急：干白葡萄酒', lines: [{ itemId: dry.itemId, qty: 600, dueOn: addDays(clock.day, 4) }] },
      clock.daysAgo(1, 9),
    );
    await createPlanFromRequest(db, org.workflows, p.planner, request.id, request.version, clock.daysAgo(1, 10));
    const route = await reportUnmetPlan(
      db,
      p.lead,
      request.id,
      { workshopId: workshops.get('GZ')!, reason: '干白酒瓶到货不足，只能完成 400 箱' },
      clock.daysAgo(0, 9),
    );
    await advanceUnmetPlan(db, p.head, route.id, 'forward', { version: route.version, note: '情况属实，请与客户协商分两批交货' }, clock.daysAgo(0, 10));
  }
}
