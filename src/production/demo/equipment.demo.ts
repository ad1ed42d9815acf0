import { and, eq, lt } from 'drizzle-orm';
import type { Actor } from '#core/access';
import { approveDocument, getDocument, issueDocument, saveApprovalChain, submitDocument } from '#core/approval';
import { writeAudit } from '#core/audit';
import { loadActor } from '#core/auth';
import { addDays, isoWeekday } from '#core/calendar';
import type { Db } from '#core/db';
import type { DemoOrg } from '#core/http';
import { chunk } from '../common/index';
import {
  acceptRepair,
  completeRepair,
  createMachine,
  createMaintenancePlan,
  defaultMonths,
  diagnoseRepair,
  getMachinePhone,
  getRepair,
  MAINTENANCE_DOC,
  type MaintenanceLineInput,
  prodMaintenanceSlots,
  prodSpotChecks,
  prodUpkeepRecords,
  recordSpotCheck,
  saveCheckItems,
  saveMaintenanceLines,
  saveUpkeepItems,
  type UpkeepFrequency,
} from '../equipment/index';
import type { DemoClock } from './demo-clock';

// The demo plant's equipment (PP-23 … PP-26): twelve numbered machines over brewing, filling
// and packing with their check and upkeep items, this year's maintenance plan approved by the
// GM and issued, a month of spot checks and upkeep, one anomaly repaired by 刘师傅, and the
// grape crusher standing still since yesterday waiting for a part (its capacity missing from plans).

type Kind = 'still' | 'tank' | 'crusher' | 'filler' | 'capper' | 'labeller' | 'packer';

const MACHINES: {
  code: string;
  name: string;
  model: string;
  workshop: 'NZ' | 'GZ' | 'BZ';
  kind: Kind;
  share?: number;
  location: string;
  maker: string;
  commissionedOn: string;
}[] = [
  {
    code: 'NZ-01',
    name: '蒸馏甑（1号）',
    model: 'ZLZ-2.5',
    workshop: 'NZ',
    kind: 'still',
    location: '酿造车间东区',
    maker: '四川酿酒机械厂',
    commissionedOn: '2019-05-10',
  },
  {
    code: 'NZ-02',
    name: '蒸馏甑（2号）',
    model: 'ZLZ-2.5',
    workshop: 'NZ',
    kind: 'still',
    location: '酿造车间东区',
    maker: '四川酿酒机械厂',
    commissionedOn: '2019-05-10',
  },
  { code: 'NZ-03', name: '发酵罐温控系统', model: 'WK-300', workshop: 'NZ', kind: 'tank', location: '发酵间', maker: '山东华控', commissionedOn: '2021-03-18' },
  {
    code: 'NZ-04',
    name: '葡萄破碎除梗机',
    model: 'PC-15',
    workshop: 'NZ',
    kind: 'crusher',
    location: '葡萄酒前处理间',
    maker: '烟台酒机',
    commissionedOn: '2020-08-26',
  },
  {
    code: 'GZ-01',
    name: '1号线灌装机',
    model: 'DGF-24',
    workshop: 'GZ',
    kind: 'filler',
    share: 0.5,
    location: '灌装1号线',
    maker: '南京轻机',
    commissionedOn: '2018-11-02',
  },
  {
    code: 'GZ-02',
    name: '1号线压盖机',
    model: 'YG-8',
    workshop: 'GZ',
    kind: 'capper',
    share: 0.5,
    location: '灌装1号线',
    maker: '南京轻机',
    commissionedOn: '2018-11-02',
  },
  {
    code: 'GZ-03',
    name: '2号线灌装机',
    model: 'DGF-24',
    workshop: 'GZ',
    kind: 'filler',
    share: 0.5,
    location: '灌装2号线',
    maker: '南京轻机',
    commissionedOn: '2022-04-15',
  },
  {
    code: 'GZ-04',
    name: '2号线旋盖机',
    model: 'XG-12',
    workshop: 'GZ',
    kind: 'capper',
    share: 0.5,
    location: '灌装2号线',
    maker: '广州达意隆',
    commissionedOn: '2022-04-15',
  },
  {
    code: 'BZ-01',
    name: '1号线贴标机',
    model: 'TB-200',
    workshop: 'BZ',
    kind: 'labeller',
    share: 1 / 3,
    location: '包装1号线',
    maker: '杭州永创',
    commissionedOn: '2019-09-09',
  },
  {
    code: 'BZ-02',
    name: '2号线贴标机',
    model: 'TB-200',
    workshop: 'BZ',
    kind: 'labeller',
    share: 1 / 3,
    location: '包装2号线',
    maker: '杭州永创',
    commissionedOn: '2021-06-01',
  },
  { code: 'BZ-03', name: '自动装箱机', model: 'ZX-6', workshop: 'BZ', kind: 'packer', location: '包装3号线', maker: '青岛海科', commissionedOn: '2020-01-10' },
  { code: 'BZ-04', name: '胶带封箱机', model: 'FX-50', workshop: 'BZ', kind: 'packer', location: '包装3号线', maker: '青岛海科', commissionedOn: '2020-01-10' },
];

const CHECKS: Record<Kind, [string, string][]> = {
  still: [
    ['蒸汽压力', '≤ 0.2 MPa'],
    ['甑桶密封圈', '完好无渗漏'],
    ['冷却水', '畅通、出水温度正常'],
    ['安全阀', '动作灵敏'],
  ],
  tank: [
    ['温控仪表读数', '与设定值偏差 ≤ 1 ℃'],
    ['冷媒管路', '无泄漏、无结霜'],
    ['罐体阀门', '关闭到位'],
  ],
  crusher: [
    ['防护罩', '关闭锁紧'],
    ['传动皮带', '无松动、无裂纹'],
    ['急停按钮', '按下即停'],
  ],
  filler: [
    ['气源压力', '0.5–0.7 MPa'],
    ['灌装阀', '无滴漏'],
    ['液位探头', '清洁、无结垢'],
    ['防护门联锁', '开门即停'],
  ],
  capper: [
    ['瓶盖供给', '顺畅无卡盖'],
    ['压盖头', '无异物、无磨损'],
    ['扭矩显示', '在工艺范围内'],
  ],
  labeller: [
    ['标签纸', '安装正确、无褶皱'],
    ['胶辊', '清洁、上胶均匀'],
    ['光电感应', '灵敏'],
  ],
  packer: [
    ['气动元件', '无漏气'],
    ['纸箱/胶带供给', '正常'],
    ['急停按钮', '按下即停'],
  ],
};

const UPKEEP: Record<Kind, [string, string, UpkeepFrequency][]> = {
  still: [
    ['外部清洁', '班后擦拭甑体、清理地面积水', 'daily'],
    ['阀门润滑', '各手动阀加注食品级润滑脂', 'weekly'],
    ['管路除垢检查', '检查冷凝器进出水温差', 'monthly'],
  ],
  tank: [
    ['仪表清洁', '擦拭温控仪表面板', 'daily'],
    ['冷媒压力检查', '记录冷媒压力', 'weekly'],
  ],
  crusher: [
    ['外部清洁', '每班结束冲洗料斗与机身', 'shift'],
    ['轴承加油', '主轴轴承加注润滑脂', 'daily'],
    ['皮带张紧检查', '按压皮带中部下沉 10–15 mm', 'weekly'],
  ],
  filler: [
    ['外部清洁', '每班结束擦拭机身、清理碎玻璃', 'shift'],
    ['导轨及链条加油', '输瓶链条滴油润滑', 'daily'],
    ['灌装阀密封检查', '逐阀检查密封圈', 'weekly'],
    ['电气柜除尘', '断电后吹扫电气柜', 'monthly'],
  ],
  capper: [
    ['外部清洁', '每班结束清理瓶盖碎屑', 'shift'],
    ['压盖头润滑', '压盖头导柱加油', 'daily'],
    ['扭矩校验', '用扭矩仪抽检 5 瓶', 'weekly'],
  ],
  labeller: [
    ['外部清洁', '每班结束清理标签残片', 'shift'],
    ['胶辊清洗', '温水清洗胶辊', 'daily'],
    ['传动部件加油', '链轮、凸轮加油', 'weekly'],
  ],
  packer: [
    ['外部清洁', '每班结束清理纸屑', 'shift'],
    ['气路检查', '排放过滤器积水', 'daily'],
    ['导轨加油', '导轨及滑块加油', 'weekly'],
  ],
};

// `shift`: months after the current one of the first maintenance, so this month always has some.
const PLAN: Record<Kind, { cycle: MaintenanceLineInput['cycle']; content: string; hours: number; shift: number; week: number }> = {
  still: { cycle: 'half_yearly', content: '甑桶及冷凝器除垢、安全阀校验', hours: 24, shift: 0, week: 2 },
  tank: { cycle: 'yearly', content: '温控系统标定、冷媒补充', hours: 8, shift: 3, week: 2 },
  crusher: { cycle: 'half_yearly', content: '更换筛网、轴承检修', hours: 12, shift: 2, week: 3 },
  filler: { cycle: 'quarterly', content: '灌装阀全面清洗、更换密封件、伺服系统检查', hours: 16, shift: 0, week: 2 },
  capper: { cycle: 'quarterly', content: '压盖头拆检、更换磨损件', hours: 8, shift: 1, week: 3 },
  labeller: { cycle: 'quarterly', content: '贴标头校准、更换胶辊', hours: 6, shift: 0, week: 1 },
  packer: { cycle: 'half_yearly', content: '气动系统检修、更换易损件', hours: 8, shift: 0, week: 3 },
};

async function person(db: Db, org: DemoOrg, username: string): Promise<Actor> {
  const id = org.userIds.get(username);
  const actor = id ? await loadActor(db, org.orgId, id) : undefined;
  if (!actor) throw new Error(`demo person ${username} is missing`);
  return actor;
}

export async function seedEquipmentDemo(db: Db, org: DemoOrg, workshops: Map<string, string>, clock: DemoClock): Promise<void> {
  const [maint, operator, lead, brew, gm] = await Promise.all(
    ['plant.maint', 'plant.operator', 'plant.lead', 'plant.brew', 'plant.gm'].map((u) => person(db, org, u)),
  );
  const checker: Record<'NZ' | 'GZ' | 'BZ', Actor> = { NZ: brew, GZ: operator, BZ: lead };
  const start = clock.at('2019-01-01');
  const machines = new Map<
    string,
    { id: string; kind: Kind; workshop: 'NZ' | 'GZ' | 'BZ'; checks: { id: string; content: string }[]; upkeep: { id: string; frequency: UpkeepFrequency }[] }
  >();
  for (const m of MACHINES) {
    const row = await createMachine(
      db,
      maint,
      {
        code: m.code,
        name: m.name,
        model: m.model,
        workshopId: workshops.get(m.workshop)!,
        location: m.location,
        maker: m.maker,
        commissionedOn: m.commissionedOn,
        ownerUserId: maint.userId,
        capacityShare: m.share ?? null,
      },
      start,
    );
    const checks = await saveCheckItems(db, maint, row.id, { items: CHECKS[m.kind].map(([content, standard]) => ({ content, standard })) });
    const upkeep = await saveUpkeepItems(
      db,
      maint,
      row.id,
      { items: UPKEEP[m.kind].map(([content, method, frequency]) => ({ content, method, frequency })) },
      start,
    );
    machines.set(m.code, { id: row.id, kind: m.kind, workshop: m.workshop, checks, upkeep });
  }

  // This year's plan: made by 刘师傅 in the first week, approved by the GM, issued (T4 第四十八条).
  const year = Number(clock.month.slice(0, 4));
  await saveApprovalChain(
    db,
    org.workflows,
    org.actor,
    MAINTENANCE_DOC,
    { steps: [{ key: 'gm', nameZh: '总经理批准', nameEn: 'General manager approval', roleCode: 'gm' }], allowSelfApproval: false },
    org.today,
  );
  const plan = await createMaintenancePlan(db, org.workflows, maint, { year }, clock.at(`${year}-01-05`));
  const thisMonth = Number(clock.month.slice(5, 7));
  const lines = MACHINES.map((m) => {
    const p = PLAN[m.kind];
    return {
      machineId: machines.get(m.code)!.id,
      cycle: p.cycle,
      content: p.content,
      ownerUserId: maint.userId,
      hours: p.hours,
      months: defaultMonths(p.cycle, ((thisMonth - 1 + p.shift) % 12) + 1),
      week: p.week,
    };
  });
  await saveMaintenanceLines(db, maint, plan.id, { version: plan.version, lines });
  let doc = await getDocument(db, org.workflows, maint, plan.documentId);
  await submitDocument(db, org.workflows, maint, plan.documentId, { version: doc.version, opinion: '请总经理批准' }, clock.at(`${year}-01-08`));
  doc = await getDocument(db, org.workflows, gm, plan.documentId);
  await approveDocument(db, org.workflows, gm, plan.documentId, { version: doc.version, opinion: '同意，按计划实施' }, clock.at(`${year}-01-10`));
  doc = await getDocument(db, org.workflows, maint, plan.documentId);
  const recipients = ['生产部', '设备部', '酿造车间', '灌装车间', '包装车间'].map((n) => org.departmentIds.get(n)).filter((x): x is string => !!x);
  await issueDocument(db, org.workflows, maint, plan.documentId, { version: doc.version, departmentIds: recipients }, clock.at(`${year}-01-12`));
  // The months gone by were maintained as planned.
  await db
    .update(prodMaintenanceSlots)
    .set({ state: 'done', doneBy: maint.userId, doneAt: clock.at(`${year}-01-31`), note: '按计划完成' })
    .where(and(eq(prodMaintenanceSlots.orgId, org.orgId), eq(prodMaintenanceSlots.planId, plan.id), lt(prodMaintenanceSlots.month, clock.month)));

  // A month of spot checks before each day's first shift and of daily upkeep (history rows,
  // one statement each: a month of records one by one would slow the first start).
  // Ten days ago (a working day) 2号线灌装机 fails its morning check: no history row that morning.
  let d = 10;
  while (isoWeekday(addDays(clock.day, -d)) === 7) d++;
  const checks: (typeof prodSpotChecks.$inferInsert)[] = [];
  const upkeep: (typeof prodUpkeepRecords.$inferInsert)[] = [];
  const isPast = (at: Date) => at < org.today;
  for (let n = 27; n >= 0; n--) {
    const day = addDays(clock.day, -n);
    if (isoWeekday(day) === 7) continue;
    MACHINES.forEach((m, k) => {
      // The crusher stands still since yesterday afternoon: nothing after that.
      if (m.code === 'NZ-04' && n === 0) return;
      const mc = machines.get(m.code)!;
      const by = checker[m.workshop];
      if (!(m.code === 'GZ-03' && n === d) && isPast(clock.daysAgo(n, 8)))
        checks.push({
          orgId: org.orgId,
          machineId: mc.id,
          checkedOn: day,
          checkedAt: clock.daysAgo(n, 8),
          checkedBy: by.userId,
          result: 'ok',
          items: mc.checks.map((c) => ({ itemId: c.id, content: c.content, isOk: true, note: '' })),
        });
      // About one day in nine an item is forgotten: the compliance view shows it.
      if ((n + k) % 9 === 0) return;
      for (const u of mc.upkeep) {
        const times = u.frequency === 'shift' ? (m.workshop === 'BZ' ? 1 : 2) : u.frequency === 'daily' ? 1 : 0;
        const weekly = u.frequency === 'weekly' && isoWeekday(day) === 1;
        const monthly = u.frequency === 'monthly' && Number(day.slice(8, 10)) <= 7 && isoWeekday(day) === 6;
        for (let s = 0; s < times + (weekly || monthly ? 1 : 0); s++)
          if (isPast(clock.daysAgo(n, 16 + s * 4)))
            upkeep.push({
              orgId: org.orgId,
              machineId: mc.id,
              itemId: u.id,
              doneOn: day,
              doneAt: clock.daysAgo(n, 16 + s * 4),
              doneBy: by.userId,
              result: 'done',
              note: '',
            });
      }
    });
  }
  for (const batch of chunk(checks, 500)) await db.insert(prodSpotChecks).values(batch);
  for (const batch of chunk(upkeep, 1000)) await db.insert(prodUpkeepRecords).values(batch);
  await writeAudit(db, org.actor, {
    action: 'production.equipment.demo-history',
    entity: 'prod_machine',
    entityId: 'demo',
    after: { spotChecks: checks.length, upkeep: upkeep.length },
  });

  // 2号线灌装机's valve dripped at the morning check; 刘师傅 changed the seals by noon.
  const gz3 = machines.get('GZ-03')!;
  const anomaly = await recordSpotCheck(
    db,
    operator,
    { machineId: gz3.id, items: gz3.checks.map((c, k) => ({ itemId: c.id, isOk: k !== 1, note: k === 1 ? '3号、7号阀滴漏' : undefined })) },
    clock.daysAgo(d, 8),
  );
  const repairId = anomaly.repair!.id;
  let r = await getRepair(db, maint, repairId, clock.daysAgo(d, 8));
  await acceptRepair(db, maint, repairId, r.version, clock.daysAgo(d, 9));
  r = await getRepair(db, maint, repairId, clock.daysAgo(d, 9));
  await diagnoseRepair(
    db,
    maint,
    repairId,
    { version: r.version, diagnosis: '灌装阀密封圈老化变形', parts: [{ name: '灌装阀密封圈 Φ12', qty: 4, unit: '个' }] },
    clock.daysAgo(d, 10),
  );
  r = await getRepair(db, maint, repairId, clock.daysAgo(d, 10));
  await completeRepair(
    db,
    maint,
    repairId,
    { version: r.version, actionTaken: '更换 3 号、7 号阀密封圈，试机 30 分钟无滴漏', parts: r.parts },
    clock.daysAgo(d, 13),
  );

  // Since yesterday afternoon the grape crusher stands still with a failing bearing, waiting for the
  // part: brewing's capacity calendar (and every plan's capacity check) misses its share.
  const crusher = machines.get('NZ-04')!;
  const items = (await getMachinePhone(db, brew, crusher.id, clock.daysAgo(1, 15))).checkItems;
  const stop = await recordSpotCheck(
    db,
    brew,
    {
      machineId: crusher.id,
      items: items.map((c, k) => ({ itemId: c.id, isOk: k !== 1, note: k === 1 ? '皮带打滑，主轴轴承异响、温度高' : undefined })),
      note: '中班开机前点检',
    },
    clock.daysAgo(1, 15),
  );
  r = await getRepair(db, maint, stop.repair!.id, clock.daysAgo(1, 15));
  await acceptRepair(db, maint, r.id, r.version, clock.daysAgo(1, 16));
  r = await getRepair(db, maint, r.id, clock.daysAgo(1, 16));
  await diagnoseRepair(
    db,
    maint,
    r.id,
    { version: r.version, diagnosis: '主轴轴承磨损，已向厂家订购，预计两天到货', parts: [{ name: '主轴轴承 6310', qty: 2, unit: '套' }] },
    clock.daysAgo(1, 17),
  );
}
