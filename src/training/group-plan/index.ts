// Issue 13 item 16 (ST-20): teaching-group plans under the school plan and the training budget.
export { budgetItems, groupPlans } from './group-plan.schema';
export type { BudgetItemRow, GroupPlanRow, GroupPlanState } from './group-plan.schema';
export {
  addBudgetItem,
  createGroupPlan,
  findGroupPlans,
  getBudget,
  reviewGroupPlan,
  submitGroupPlan,
  updateBudgetItem,
  updateGroupPlan,
} from './group-plan.service';
export { groupPlanRoutes } from './group-plan.routes';
