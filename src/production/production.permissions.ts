import type { PermissionDeclaration } from '#core/access';

/** What a role may do in production planning; roles are data, these are the choices. */
export const PRODUCTION_PERMISSIONS: PermissionDeclaration[] = [
  { code: 'production.read', label: { zh: '查看生产计划', en: 'Read production' } },
  { code: 'production.master.write', label: { zh: '维护基础资料', en: 'Edit master data' } },
  { code: 'production.demand.write', label: { zh: '销售计划与订单', en: 'Sales plans and orders' } },
  { code: 'production.plan.write', label: { zh: '编制生产计划', en: 'Write production plans' } },
  { code: 'production.plan.approve', label: { zh: '批准生产计划', en: 'Approve production plans' } },
  { code: 'production.stock.write', label: { zh: '仓库收发', en: 'Warehouse receipts and issues' } },
  { code: 'production.purchase.write', label: { zh: '编制采购计划', en: 'Write purchase plans' } },
  { code: 'production.requisition.write', label: { zh: '填写领料单', en: 'Write material requisitions' } },
  { code: 'production.requisition.approve', label: { zh: '批准领料单', en: 'Approve material requisitions' } },
  { code: 'production.report.write', label: { zh: '填报生产日报', en: 'Report daily production' } },
  { code: 'production.exception.write', label: { zh: '上报生产异常', en: 'Report production exceptions' } },
  { code: 'production.shopfloor.write', label: { zh: '现场管理记录', en: 'Shop-floor records' } },
  { code: 'production.process.write', label: { zh: '工艺文件', en: 'Process specifications' } },
  { code: 'production.equipment.write', label: { zh: '设备台账与保养计划', en: 'Equipment register and maintenance plans' } },
  { code: 'production.equipment.check', label: { zh: '设备点检与保养记录', en: 'Equipment spot checks and upkeep' } },
  { code: 'production.equipment.repair', label: { zh: '设备维修', en: 'Equipment repair' } },
];
