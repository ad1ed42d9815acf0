import { z } from 'zod';
import { SchoolYear, Version } from '../common';
import { GROUP_PLAN_STATES } from './group-plan.schema';

// Issue 13 item 16 (ST-20): teaching-group plans under the school plan (S2 六.(二)) and the
// training budget with planned and spent amounts (S2 六.(五)).

export const YearQuery = z.object({ schoolYear: SchoolYear });
export type YearQuery = z.infer<typeof YearQuery>;

const PlanLabel = z.object({ id: z.string(), kind: z.enum(['annual', 'semester']), schoolYear: z.string(), term: z.number().nullable() });

export const GroupPlanView = z.object({
  id: z.string(),
  schoolPlan: PlanLabel,
  groupId: z.string(),
  groupName: z.string(),
  title: z.string(),
  content: z.string(),
  state: z.enum(GROUP_PLAN_STATES),
  reviewComment: z.string().nullable(),
  writtenByName: z.string(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export type GroupPlanView = z.infer<typeof GroupPlanView>;

export const GroupPlanList = z.object({
  schoolYear: z.string(),
  /** The school's plans of the year a group plan may sit under. */
  schoolPlans: z.array(PlanLabel),
  /** The groups the caller may write for. */
  writableGroups: z.array(z.object({ id: z.string(), name: z.string() })),
  canApprove: z.boolean(),
  plans: z.array(GroupPlanView),
});
export type GroupPlanList = z.infer<typeof GroupPlanList>;

export const CreateGroupPlanBody = z.object({
  schoolPlanId: z.uuid(),
  groupId: z.uuid(),
  title: z.string().trim().min(1).max(200),
  content: z.string().trim().min(1).max(20000),
});
export type CreateGroupPlanBody = z.infer<typeof CreateGroupPlanBody>;
export const UpdateGroupPlanBody = z.object({ title: z.string().trim().min(1).max(200), content: z.string().trim().min(1).max(20000), version: Version });
export type UpdateGroupPlanBody = z.infer<typeof UpdateGroupPlanBody>;
export const SubmitGroupPlanBody = z.object({ version: Version });
export const ReviewGroupPlanBody = z.object({ decision: z.enum(['approve', 'return']), comment: z.string().trim().max(2000).optional(), version: Version });
export type ReviewGroupPlanBody = z.infer<typeof ReviewGroupPlanBody>;

const cents = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
const Amount = z.number().min(0).max(99_999_999).refine(cents, 'at most two decimals (0.01 yuan)');

export const BudgetItemView = z.object({
  id: z.string(),
  schoolYear: z.string(),
  planId: z.string().nullable(),
  title: z.string(),
  plannedAmount: z.number(),
  spentAmount: z.number(),
  remaining: z.number(),
  isOverspent: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
});
export type BudgetItemView = z.infer<typeof BudgetItemView>;

export const BudgetView = z.object({
  schoolYear: z.string(),
  canEdit: z.boolean(),
  items: z.array(BudgetItemView),
  totals: z.object({ planned: z.number(), spent: z.number(), remaining: z.number() }),
});
export type BudgetView = z.infer<typeof BudgetView>;

export const CreateBudgetItemBody = z.object({
  schoolYear: SchoolYear,
  planId: z.uuid().nullish(),
  title: z.string().trim().min(1).max(200),
  plannedAmount: Amount,
  spentAmount: Amount.optional(),
  note: z.string().trim().max(1000).nullish(),
});
export type CreateBudgetItemBody = z.infer<typeof CreateBudgetItemBody>;
export const UpdateBudgetItemBody = z.object({
  planId: z.uuid().nullish(),
  title: z.string().trim().min(1).max(200),
  plannedAmount: Amount,
  spentAmount: Amount,
  note: z.string().trim().max(1000).nullish(),
  version: Version,
});
export type UpdateBudgetItemBody = z.infer<typeof UpdateBudgetItemBody>;
