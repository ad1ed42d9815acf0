import type { MaintenanceLineInput, UpkeepFrequency } from '../equipment/index';

// The demo plant's machines (PP-23 … PP-26) and what each kind of machine is checked, kept and
// maintained for: the data that seedEquipmentDemo writes through the services.

export type Kind = 'still' | 'tank' | 'crusher' | 'filler' | 'capper' | 'labeller' | 'packer';

export const MACHINES: {
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

export const CHECKS: Record<Kind, [string, string][]> = {
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

/** 外部清洁 at the end of every shift (after `afterShift`), then one item a day and one a week. */
const shiftDayWeek = (afterShift: string, daily: [string, string], weekly: [string, string]): [string, string, UpkeepFrequency][] => [
  ['外部清洁', `每班结束${afterShift}`, 'shift'],
  [...daily, 'daily'],
  [...weekly, 'weekly'],
];

export const UPKEEP: Record<Kind, [string, string, UpkeepFrequency][]> = {
  still: [
    ['外部清洁', '班后擦拭甑体、清理地面积水', 'daily'],
    ['阀门润滑', '各手动阀加注食品级润滑脂', 'weekly'],
    ['管路除垢检查', '检查冷凝器进出水温差', 'monthly'],
  ],
  tank: [
    ['仪表清洁', '擦拭温控仪表面板', 'daily'],
    ['冷媒压力检查', '记录冷媒压力', 'weekly'],
  ],
  crusher: shiftDayWeek('冲洗料斗与机身', ['轴承加油', '主轴轴承加注润滑脂'], ['皮带张紧检查', '按压皮带中部下沉 10–15 mm']),
  filler: [
    ...shiftDayWeek('擦拭机身、清理碎玻璃', ['导轨及链条加油', '输瓶链条滴油润滑'], ['灌装阀密封检查', '逐阀检查密封圈']),
    ['电气柜除尘', '断电后吹扫电气柜', 'monthly'],
  ],
  capper: shiftDayWeek('清理瓶盖碎屑', ['压盖头润滑', '压盖头导柱加油'], ['扭矩校验', '用扭矩仪抽检 5 瓶']),
  labeller: shiftDayWeek('清理标签残片', ['胶辊清洗', '温水清洗胶辊'], ['传动部件加油', '链轮、凸轮加油']),
  packer: shiftDayWeek('清理纸屑', ['气路检查', '排放过滤器积水'], ['导轨加油', '导轨及滑块加油']),
};

// `shift`: months after the current one of the first maintenance, so this month always has some.
export const PLAN: Record<Kind, { cycle: MaintenanceLineInput['cycle']; content: string; hours: number; shift: number; week: number }> = {
  still: { cycle: 'half_yearly', content: '甑桶及冷凝器除垢、安全阀校验', hours: 24, shift: 0, week: 2 },
  tank: { cycle: 'yearly', content: '温控系统标定、冷媒补充', hours: 8, shift: 3, week: 2 },
  crusher: { cycle: 'half_yearly', content: '更换筛网、轴承检修', hours: 12, shift: 2, week: 3 },
  filler: { cycle: 'quarterly', content: '灌装阀全面清洗、更换密封件、伺服系统检查', hours: 16, shift: 0, week: 2 },
  capper: { cycle: 'quarterly', content: '压盖头拆检、更换磨损件', hours: 8, shift: 1, week: 3 },
  labeller: { cycle: 'quarterly', content: '贴标头校准、更换胶辊', hours: 6, shift: 0, week: 1 },
  packer: { cycle: 'half_yearly', content: '气动系统检修、更换易损件', hours: 8, shift: 0, week: 3 },
};
