import { actorOf, type RouteModule } from '#core/http';
import { IdParams } from '../common';
import {
  BudgetItemView,
  BudgetView,
  CreateBudgetItemBody,
  CreateGroupPlanBody,
  GroupPlanList,
  GroupPlanView,
  ReviewGroupPlanBody,
  SubmitGroupPlanBody,
  UpdateBudgetItemBody,
  UpdateGroupPlanBody,
  YearQuery,
} from './group-plan.contract';
import {
  addBudgetItem,
  createGroupPlan,
  findGroupPlans,
  getBudget,
  reviewGroupPlan,
  submitGroupPlan,
  updateBudgetItem,
  updateGroupPlan,
} from './group-plan.service';

const tags = ['training'];

/** ST-20: teaching-group plans under the school plan (S2 六.(二)) and the training budget (S2 六.(五)). */
export const groupPlanRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/group-plans',
    {
      config: { permission: 'training.read' },
      schema: { tags, summary: '教研组培训计划 Group plans (S2 六.(二))', querystring: YearQuery, response: { 200: GroupPlanList } },
    },
    async (req) => findGroupPlans(ctx.db, actorOf(req), req.query),
  );
  app.post(
    '/training/group-plans',
    {
      config: { permission: 'training.read' },
      schema: { tags, summary: '制定本组计划 Write a group plan', body: CreateGroupPlanBody, response: { 201: GroupPlanView } },
    },
    async (req, reply) => reply.code(201).send(await createGroupPlan(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
  app.put(
    '/training/group-plans/:id',
    {
      config: { permission: 'training.read' },
      schema: { tags, summary: '修改本组计划 Edit a group plan', params: IdParams, body: UpdateGroupPlanBody, response: { 200: GroupPlanView } },
    },
    async (req) => updateGroupPlan(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  app.post(
    '/training/group-plans/:id/submit',
    {
      config: { permission: 'training.read' },
      schema: { tags, summary: '提交审批 Submit for approval', params: IdParams, body: SubmitGroupPlanBody, response: { 200: GroupPlanView } },
    },
    async (req) => submitGroupPlan(ctx.db, actorOf(req), req.params.id, req.body.version, ctx.clock()),
  );
  app.post(
    '/training/group-plans/:id/review',
    {
      config: { permission: 'training.read' },
      schema: { tags, summary: '批准或退回 Approve or return', params: IdParams, body: ReviewGroupPlanBody, response: { 200: GroupPlanView } },
    },
    async (req) => reviewGroupPlan(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  app.get(
    '/training/budget',
    {
      config: { permission: 'training.read' },
      schema: { tags, summary: '培训经费 Training budget (S2 六.(五))', querystring: YearQuery, response: { 200: BudgetView } },
    },
    async (req) => getBudget(ctx.db, actorOf(req), req.query),
  );
  app.post(
    '/training/budget',
    {
      config: { permission: 'training.plan.write' },
      schema: { tags, summary: '新增经费项目 Add a budget item', body: CreateBudgetItemBody, response: { 201: BudgetItemView } },
    },
    async (req, reply) => reply.code(201).send(await addBudgetItem(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
  app.put(
    '/training/budget/:id',
    {
      config: { permission: 'training.plan.write' },
      schema: {
        tags,
        summary: '修改经费项目（计划与实支）Edit planned and spent',
        params: IdParams,
        body: UpdateBudgetItemBody,
        response: { 200: BudgetItemView },
      },
    },
    async (req) => updateBudgetItem(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
};
