import type { OrganisationSeed } from '#core/org';

/** A plant or a school: the kinds with a template, default roles and demo data. */
export type TemplateOrgSeed = OrganisationSeed & { kind: 'enterprise' | 'school' | 'district' };

// Role bundles per kind of organisation. Admins can change them later (roles are data).
const all = (prefixes: string[], perms: readonly string[]) => perms.filter((p) => prefixes.some((x) => p.startsWith(x)));
const COMMON_READ = ['document.read', 'meeting.read', 'assessment.read', 'archive.read'];

export function plantSeed(permissions: readonly string[]): TemplateOrgSeed {
  return {
    code: 'demo-plant',
    name: '示例酒业有限公司',
    kind: 'enterprise',
    template: 'T4',
    roles: [
      {
        code: 'admin',
        nameZh: '系统管理员',
        nameEn: 'Administrator',
        permissions: all(['admin.', 'audit.', 'document.', 'meeting.', 'assessment.', 'archive.', 'excel.', 'production.read'], permissions),
      },
      {
        code: 'gm',
        nameZh: '总经理',
        nameEn: 'General manager',
        permissions: [...COMMON_READ, 'approval.act', 'audit.read', 'production.read', 'production.plan.approve', 'assessment.manage', 'meeting.manage'],
      },
      {
        code: 'vp_production',
        nameZh: '副总经理/生产总监',
        nameEn: 'VP production',
        permissions: [...COMMON_READ, 'approval.act', 'audit.read', 'production.read', 'production.plan.approve', 'meeting.manage', 'assessment.manage'],
      },
      {
        code: 'production_head',
        nameZh: '生产部负责人',
        nameEn: 'Production head',
        permissions: [
          ...COMMON_READ,
          'document.write',
          'approval.act',
          'audit.read',
          'archive.write',
          'excel.import',
          'meeting.manage',
          'production.read',
          'production.master.write',
          'production.plan.write',
          'production.demand.write',
          'production.report.write',
          'production.exception.write',
          'production.shopfloor.write',
          'production.process.write',
        ],
      },
      {
        code: 'planner',
        nameZh: '计划员',
        nameEn: 'Planner',
        permissions: [...COMMON_READ, 'document.write', 'archive.write', 'excel.import', 'production.read', 'production.master.write', 'production.plan.write'],
      },
      {
        code: 'dept_head',
        nameZh: '部门负责人',
        nameEn: 'Department head',
        permissions: [...COMMON_READ, 'document.write', 'approval.act', 'excel.import', 'production.read', 'production.demand.write'],
      },
      {
        code: 'workshop_director',
        nameZh: '车间主任',
        nameEn: 'Workshop director',
        permissions: [
          ...COMMON_READ,
          'document.write',
          'approval.act',
          'archive.write',
          'production.read',
          'production.requisition.write',
          'production.requisition.approve',
          'production.report.write',
          'production.exception.write',
          'production.shopfloor.write',
          'production.equipment.check',
        ],
      },
      {
        code: 'team_leader',
        nameZh: '班长',
        nameEn: 'Team leader',
        permissions: [
          ...COMMON_READ,
          'archive.write',
          'production.read',
          'production.requisition.write',
          'production.report.write',
          'production.exception.write',
          'production.shopfloor.write',
          'production.equipment.check',
        ],
      },
      {
        code: 'operator',
        nameZh: '操作工',
        nameEn: 'Operator',
        permissions: ['document.read', 'meeting.read', 'production.read', 'production.shopfloor.write', 'production.equipment.check'],
      },
      { code: 'warehouse', nameZh: '仓库管理员', nameEn: 'Warehouse keeper', permissions: [...COMMON_READ, 'production.read', 'production.stock.write'] },
      {
        code: 'purchasing',
        nameZh: '采购部负责人',
        nameEn: 'Purchasing head',
        permissions: [...COMMON_READ, 'document.write', 'approval.act', 'excel.import', 'production.read', 'production.purchase.write'],
      },
      {
        code: 'maintenance',
        nameZh: '设备维修员',
        nameEn: 'Maintenance',
        permissions: [
          ...COMMON_READ,
          'document.write',
          'production.read',
          'production.equipment.write',
          'production.equipment.check',
          'production.equipment.repair',
        ],
      },
      { code: 'quality', nameZh: '质量部负责人', nameEn: 'Quality head', permissions: [...COMMON_READ, 'document.write', 'approval.act', 'production.read'] },
      {
        code: 'technologist',
        nameZh: '工艺员',
        nameEn: 'Process engineer',
        permissions: [...COMMON_READ, 'document.write', 'archive.write', 'production.read', 'production.process.write'],
      },
    ],
    departments: [
      { name: '生产部', kind: 'department' },
      { name: '市场部', kind: 'department' },
      { name: '财务部', kind: 'department' },
      { name: '采购部', kind: 'department' },
      { name: '技术研发部', kind: 'department' },
      { name: '质量部', kind: 'department' },
      { name: '仓库', kind: 'department' },
      { name: '设备部', kind: 'department' },
      { name: '酿造车间', kind: 'workshop' },
      { name: '灌装车间', kind: 'workshop' },
      { name: '包装车间', kind: 'workshop' },
    ],
  };
}

export function schoolSeed(permissions: readonly string[]): TemplateOrgSeed {
  return {
    code: 'demo-school',
    name: '示例中心小学',
    kind: 'school',
    template: 'S1',
    roles: [
      {
        code: 'admin',
        nameZh: '系统管理员',
        nameEn: 'Administrator',
        permissions: all(['admin.', 'audit.', 'document.', 'meeting.', 'assessment.', 'archive.', 'excel.', 'training.read', 'league.read'], permissions),
      },
      {
        code: 'principal',
        nameZh: '校长',
        nameEn: 'Principal',
        permissions: [
          ...COMMON_READ,
          'approval.act',
          'audit.read',
          'assessment.manage',
          'meeting.manage',
          'training.read',
          'training.self',
          'training.leave.approve',
          'training.credit.approve',
          'training.assess',
          'league.read',
        ],
      },
      {
        code: 'academic_director',
        nameZh: '教导处主任',
        nameEn: 'Teaching-affairs director',
        permissions: [
          ...COMMON_READ,
          'document.write',
          'approval.act',
          'audit.read',
          'archive.write',
          'excel.import',
          'meeting.manage',
          'assessment.manage',
          'training.read',
          'training.self',
          'training.teacher.manage',
          'training.school.manage',
          'training.plan.write',
          'training.session.manage',
          'training.attendance.record',
          'training.leave.approve',
          'training.credit.approve',
          'training.assess',
        ],
      },
      {
        code: 'group_leader',
        nameZh: '教研组长',
        nameEn: 'Group leader',
        permissions: [
          ...COMMON_READ,
          'document.write',
          'approval.act',
          'archive.write',
          'training.read',
          'training.self',
          'training.session.manage',
          'training.attendance.record',
        ],
      },
      { code: 'teacher', nameZh: '教师', nameEn: 'Teacher', permissions: ['document.read', 'meeting.read', 'archive.read', 'archive.write', 'training.self'] },
      { code: 'recorder', nameZh: '记录员', nameEn: 'Recorder', permissions: [...COMMON_READ, 'training.read', 'training.attendance.record'] },
      {
        code: 'league_secretary',
        nameZh: '团委书记',
        nameEn: 'League secretary',
        permissions: [...COMMON_READ, 'document.write', 'league.read', 'league.manage', 'meeting.manage'],
      },
    ],
    departments: [
      { name: '校本培训领导小组', kind: 'leadership_group' },
      { name: '教导处', kind: 'department' },
      { name: '语文教研组', kind: 'teaching_group' },
      { name: '数学教研组', kind: 'teaching_group' },
      { name: '综合教研组', kind: 'teaching_group' },
      { name: '团委', kind: 'league' },
    ],
  };
}

/** D1 学区 / 区县教师发展中心 (issue 12): an office over schools, reading their training roll-up. */
export function districtSeed(permissions: readonly string[]): TemplateOrgSeed {
  return {
    code: 'district',
    name: '示例区教师发展中心',
    kind: 'district',
    template: 'D1',
    roles: [
      { code: 'admin', nameZh: '系统管理员', nameEn: 'Administrator', permissions: all(['admin.', 'audit.', 'district.'], permissions) },
      { code: 'district_officer', nameZh: '区级培训管理员', nameEn: 'District training officer', permissions: all(['district.read'], permissions) },
    ],
    departments: [{ name: '教师发展中心', kind: 'department' }],
  };
}

export interface DemoUser {
  username: string;
  displayName: string;
  department: string;
  positions: string[];
  roles: string[];
}

export const PLANT_USERS: DemoUser[] = [
  { username: 'plant.admin', displayName: '系统管理员', department: '生产部', positions: [], roles: ['admin'] },
  { username: 'plant.gm', displayName: '王总经理', department: '生产部', positions: ['总经理'], roles: ['gm'] },
  { username: 'plant.vp', displayName: '李副总', department: '生产部', positions: ['副总经理/生产总监'], roles: ['vp_production'] },
  { username: 'plant.head', displayName: '张部长', department: '生产部', positions: ['部门负责人'], roles: ['production_head'] },
  { username: 'plant.planner', displayName: '赵计划员', department: '生产部', positions: ['计划员'], roles: ['planner'] },
  { username: 'plant.market', displayName: '钱经理', department: '市场部', positions: ['部门负责人'], roles: ['dept_head'] },
  { username: 'plant.brew', displayName: '孙主任', department: '酿造车间', positions: ['车间主任'], roles: ['workshop_director'] },
  { username: 'plant.fill', displayName: '周主任', department: '灌装车间', positions: ['车间主任'], roles: ['workshop_director'] },
  { username: 'plant.pack', displayName: '郭主任', department: '包装车间', positions: ['车间主任'], roles: ['workshop_director'] },
  { username: 'plant.lead', displayName: '吴班长', department: '灌装车间', positions: ['班长'], roles: ['team_leader'] },
  { username: 'plant.operator', displayName: '郑师傅', department: '灌装车间', positions: ['操作工'], roles: ['operator'] },
  { username: 'plant.warehouse', displayName: '冯库管', department: '仓库', positions: ['仓库管理员'], roles: ['warehouse'] },
  { username: 'plant.purchase', displayName: '陈经理', department: '采购部', positions: ['部门负责人'], roles: ['purchasing'] },
  { username: 'plant.maint', displayName: '刘师傅', department: '设备部', positions: ['设备维修员'], roles: ['maintenance'] },
  { username: 'plant.quality', displayName: '韩经理', department: '质量部', positions: ['部门负责人'], roles: ['quality'] },
  { username: 'plant.tech', displayName: '何工', department: '技术研发部', positions: ['工艺员'], roles: ['technologist'] },
];

export const SCHOOL_USERS: DemoUser[] = [
  { username: 'school.admin', displayName: '系统管理员', department: '教导处', positions: [], roles: ['admin'] },
  { username: 'school.principal', displayName: '陈校长', department: '校本培训领导小组', positions: ['校长'], roles: ['principal'] },
  { username: 'school.office', displayName: '林主任', department: '教导处', positions: ['教导处主任'], roles: ['academic_director'] },
  { username: 'school.chinese', displayName: '黄组长', department: '语文教研组', positions: ['教研组长'], roles: ['group_leader'] },
  { username: 'school.math', displayName: '何组长', department: '数学教研组', positions: ['教研组长'], roles: ['group_leader'] },
  { username: 'school.recorder', displayName: '罗记录员', department: '教导处', positions: ['记录员'], roles: ['recorder', 'teacher'] },
  { username: 'school.t1', displayName: '高老师', department: '语文教研组', positions: ['教师'], roles: ['teacher'] },
  { username: 'school.t2', displayName: '梁老师', department: '语文教研组', positions: ['教师'], roles: ['teacher'] },
  { username: 'school.t3', displayName: '宋老师', department: '数学教研组', positions: ['教师'], roles: ['teacher'] },
  { username: 'school.t4', displayName: '唐老师', department: '数学教研组', positions: ['教师'], roles: ['teacher'] },
  { username: 'school.t5', displayName: '许老师', department: '综合教研组', positions: ['教师'], roles: ['teacher'] },
  { username: 'school.league', displayName: '邓书记', department: '团委', positions: ['团委书记'], roles: ['league_secretary', 'teacher'] },
];

export const DISTRICT_USERS: DemoUser[] = [
  { username: 'district.admin', displayName: '系统管理员', department: '教师发展中心', positions: [], roles: ['admin'] },
  { username: 'district.officer', displayName: '周科长', department: '教师发展中心', positions: ['区级培训管理员'], roles: ['district_officer'] },
];

export const DEMO_PASSWORD = 'zhidu2026';
