import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import {
  MachinePhoneView,
  RepairAccept,
  RepairComplete,
  RepairDiagnose,
  RepairFilter,
  RepairReport,
  RepairSummary,
  RepairView,
  SpotCheckAnswer,
  SpotCheckFilter,
  SpotCheckInput,
  SpotCheckView,
} from './repair.contract';
import { findRepairs, getRepair } from './repair.query';
import { acceptRepair, completeRepair, diagnoseRepair, reportFailure } from './repair.service';
import { findSpotChecks, getMachinePhone, recordSpotCheck } from './spot-check.service';
import { DueList, DueQuery, ComplianceQuery, ComplianceView, RecordsQuery, UpkeepRecordAnswer, UpkeepRecordInput, UpkeepRecordView } from './upkeep.contract';
import { findDueList, findUpkeepRecords, getUpkeepCompliance, recordUpkeep } from './upkeep.service';
import { IdParams } from '#core/validation';

const tags = ['production equipment'];

/** PP-24 and PP-26 (T4 第四十七、五十 … 五十二条): upkeep, spot checks on the phone, repair orders. */
export const repairRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/equipment/machines/:id/phone',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '设备手机页（扫卡）Machine phone page (PP-26)', params: IdParams, response: { 200: MachinePhoneView } },
    },
    async (req) => getMachinePhone(ctx.db, actorOf(req), req.params.id, ctx.clock()),
  );
  app.post(
    '/production/equipment/spot-checks',
    {
      config: { permission: 'production.equipment.check' },
      schema: { tags, summary: '操作前点检 Spot check before operation (T4 第五十条)', body: SpotCheckInput, response: { 201: SpotCheckAnswer } },
    },
    async (req, reply) => reply.code(201).send(await recordSpotCheck(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
  app.get(
    '/production/equipment/spot-checks',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '点检记录 Spot checks', querystring: SpotCheckFilter, response: { 200: z.array(SpotCheckView) } },
    },
    async (req) => findSpotChecks(ctx.db, actorOf(req), req.query),
  );
  app.get(
    '/production/equipment/repairs',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '维修单 Repair orders', querystring: RepairFilter, response: { 200: z.array(RepairSummary) } },
    },
    async (req) => findRepairs(ctx.db, actorOf(req), req.query),
  );
  app.post(
    '/production/equipment/repairs',
    {
      config: { permission: 'production.equipment.check' },
      schema: { tags, summary: '报修（设备停机）Report a failure; the machine stops', body: RepairReport, response: { 201: RepairView } },
    },
    async (req, reply) => {
      const row = await reportFailure(ctx.db, actorOf(req), req.body, ctx.clock());
      return reply.code(201).send(await getRepair(ctx.db, actorOf(req), row.id, ctx.clock()));
    },
  );
  app.get(
    '/production/equipment/repairs/:id',
    { config: { permission: 'production.read' }, schema: { tags, summary: '维修单 Repair order', params: IdParams, response: { 200: RepairView } } },
    async (req) => getRepair(ctx.db, actorOf(req), req.params.id, ctx.clock()),
  );
  const step = <B extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: B,
    run: (id: string, input: z.infer<B>, actor: ReturnType<typeof actorOf>) => Promise<unknown>,
  ) =>
    app.post(
      `/production/equipment/repairs/:id/${path}`,
      { config: { permission: 'production.equipment.repair' }, schema: { tags, summary, params: IdParams, body, response: { 200: RepairView } } },
      async (req) => {
        const actor = actorOf(req);
        await run((req.params as { id: string }).id, req.body as z.infer<B>, actor);
        return getRepair(ctx.db, actor, (req.params as { id: string }).id, ctx.clock());
      },
    );
  step('accept', '受理 Accept (the machine is under repair)', RepairAccept, (id, b, actor) => acceptRepair(ctx.db, actor, id, b.version, ctx.clock()));
  step('diagnose', '诊断与备件 Diagnosis and parts', RepairDiagnose, (id, b, actor) => diagnoseRepair(ctx.db, actor, id, b, ctx.clock()));
  step('complete', '修复完工，设备恢复运行 Repaired; the machine runs again', RepairComplete, (id, b, actor) =>
    completeRepair(ctx.db, actor, id, b, ctx.clock()),
  );

  app.get(
    '/production/equipment/upkeep/due',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '保养到期清单 Upkeep due today and overdue (PP-24)', querystring: DueQuery, response: { 200: DueList } },
    },
    async (req) => findDueList(ctx.db, actorOf(req), req.query, ctx.clock()),
  );
  app.post(
    '/production/equipment/upkeep/records',
    {
      config: { permission: 'production.equipment.check' },
      schema: { tags, summary: '保养记录 Record upkeep done', body: UpkeepRecordInput, response: { 201: UpkeepRecordAnswer } },
    },
    async (req, reply) => reply.code(201).send(await recordUpkeep(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
  app.get(
    '/production/equipment/upkeep/records',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '保养记录 Upkeep records', querystring: RecordsQuery, response: { 200: z.array(UpkeepRecordView) } },
    },
    async (req) => findUpkeepRecords(ctx.db, actorOf(req), req.query),
  );
  app.get(
    '/production/equipment/upkeep/compliance',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '日常保养状况检查 Upkeep compliance per machine and month', querystring: ComplianceQuery, response: { 200: ComplianceView } },
    },
    async (req) => getUpkeepCompliance(ctx.db, actorOf(req), req.query, ctx.clock()),
  );
};
