import type { PermissionDeclaration } from '#core/access';

/** What a role may do in production planning; roles are data, these are the choices. */
export const PRODUCTION_PERMISSIONS: PermissionDeclaration[] = [
  { code: 'production.read', label: { zh: '查看生产计划', en: 'Read production' } },
  { code: 'production.master.write', label: { zh: '维护基础资料', en: 'Edit master data' } },
  { code: 'production.demand.write', label: { zh: '销售计划与订单', en: 'Sales plans and orders' } },
  { code: 'production.plan.write', label: { zh: '编制生产计划', en: 'Write production plans' } },
  { code: 'production.plan.approve', label: { zh: '批准生产计划', en: 'Approve production plans' } },
  { code: 'production.stock.write', label: { zh: '仓库收发', en: 'Warehouse receipts and issues' } },
];
