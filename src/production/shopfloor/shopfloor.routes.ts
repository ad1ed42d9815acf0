import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { getFloorOverview } from './floor-overview.service';
import { findPatrols, recordOperation, recordPatrol } from './patrol.service';
import { closeRectification, escalateRectification, findRectifications } from './rectification.service';
import { addSafetyItem, findDueChecklists, findSafetyItems, getChecklistForm, recordSafetyCheck, updateSafetyItem } from './safety.service';
import {
  ChecklistBody,
  ChecklistForm,
  DueList,
  FloorOverview,
  IdParams,
  OperationRecordBody,
  OperationRecordView,
  PatrolBody,
  PatrolView,
  RectificationList,
  RectificationQuery,
  RectificationStepBody,
  RectificationView,
  SafetyCheckView,
  SafetyItemBody,
  SafetyItemList,
  SafetyItemUpdateBody,
  SafetyItemView,
  WorkshopQuery,
} from './shopfloor.contract';
import { checkViews, recordViews } from './shopfloor.views';

const tags = ['production shop floor'];

/** PP-20 (T4 第三十六 … 四十五条): the shop floor's daily records. */
export const shopfloorRoutes: RouteModule = (app, ctx) => {
  const read = { permission: 'production.read' as const };
  const write = { permission: 'production.shopfloor.write' as const };
  app.get(
    '/production/floor',
    { config: read, schema: { tags, summary: '现场管理 The shop floor of a workshop', querystring: WorkshopQuery, response: { 200: FloorOverview } } },
    async (req) => getFloorOverview(ctx.db, actorOf(req), req.query.workshopId, ctx.clock()),
  );
  app.get(
    '/production/floor/checklist',
    { config: read, schema: { tags, summary: '今日安全检查表 Today’s safety checklist', querystring: WorkshopQuery, response: { 200: ChecklistForm } } },
    async (req) => getChecklistForm(ctx.db, actorOf(req), req.query.workshopId, ctx.clock()),
  );
  app.post(
    '/production/floor/checklists',
    {
      config: write,
      schema: { tags, summary: '填写安全检查表 Record the checklist (T4 第四十一条)', body: ChecklistBody, response: { 201: SafetyCheckView } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await recordSafetyCheck(ctx.db, actor, req.body, ctx.clock());
      return reply.code(201).send((await checkViews(ctx.db, actor.orgId, [row]))[0]);
    },
  );
  app.get(
    '/production/floor/due',
    { config: read, schema: { tags, summary: '今日未检查的车间 Workshops without today’s checklist', response: { 200: DueList } } },
    async (req) => findDueChecklists(ctx.db, actorOf(req), ctx.clock()),
  );
  app.get(
    '/production/floor/safety-items',
    { config: read, schema: { tags, summary: '安全检查项 Checklist items', response: { 200: SafetyItemList } } },
    async (req) => findSafetyItems(ctx.db, actorOf(req)),
  );
  app.post(
    '/production/floor/safety-items',
    {
      config: { permission: 'production.process.write' },
      schema: { tags, summary: '新增检查项 Add an item', body: SafetyItemBody, response: { 201: SafetyItemView } },
    },
    async (req, reply) => reply.code(201).send(await addSafetyItem(ctx.db, actorOf(req), req.body)),
  );
  app.put(
    '/production/floor/safety-items/:id',
    {
      config: { permission: 'production.process.write' },
      schema: { tags, summary: '修改检查项 Change an item', params: IdParams, body: SafetyItemUpdateBody, response: { 200: SafetyItemView } },
    },
    async (req) => updateSafetyItem(ctx.db, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/production/floor/rectifications',
    { config: read, schema: { tags, summary: '整改项 Rectifications', querystring: RectificationQuery, response: { 200: RectificationList } } },
    async (req) => findRectifications(ctx.db, actorOf(req), req.query, ctx.clock()),
  );
  app.post(
    '/production/floor/rectifications/:id/close',
    {
      config: write,
      schema: { tags, summary: '整改完成 Close a rectification', params: IdParams, body: RectificationStepBody, response: { 200: RectificationView } },
    },
    async (req) => closeRectification(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  app.post(
    '/production/floor/rectifications/:id/escalate',
    {
      config: write,
      schema: { tags, summary: '无法整改，上报 Escalate to production', params: IdParams, body: RectificationStepBody, response: { 200: RectificationView } },
    },
    async (req) => escalateRectification(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  app.get(
    '/production/floor/patrols',
    { config: read, schema: { tags, summary: '巡检记录 Patrol inspections', querystring: WorkshopQuery, response: { 200: z.array(PatrolView) } } },
    async (req) => findPatrols(ctx.db, actorOf(req), { workshopId: req.query.workshopId }, ctx.clock()),
  );
  app.post(
    '/production/floor/patrols',
    { config: write, schema: { tags, summary: '记录巡检 Record a patrol (T4 第三十七条)', body: PatrolBody, response: { 201: PatrolView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await recordPatrol(ctx.db, actor, req.body, ctx.clock());
      const [view] = (await findPatrols(ctx.db, actor, { workshopId: row.workshopId, limit: 20 }, ctx.clock())).filter((p) => p.id === row.id);
      return reply.code(201).send(view);
    },
  );
  app.post(
    '/production/floor/records',
    {
      config: write,
      schema: { tags, summary: '自检、互检、操作记录 Operation record (T4 第三十九条)', body: OperationRecordBody, response: { 201: OperationRecordView } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await recordOperation(ctx.db, actor, req.body, ctx.clock());
      return reply.code(201).send((await recordViews(ctx.db, actor.orgId, [row]))[0]);
    },
  );
};
