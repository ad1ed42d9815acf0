import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import {
  CardsQuery,
  CheckItemsInput,
  CheckItemView,
  MachineCard,
  MachineChange,
  MachineDetail,
  MachineFilter,
  MachineInput,
  MachineStateChange,
  MachineSummary,
  UpkeepItemsInput,
  UpkeepItemView,
} from './machine.contract';
import { saveCheckItems, saveUpkeepItems } from './machine-items.service';
import { createMachine, findEquipmentPeople, findMachines, getMachine, getMachineCards, setMachineState, updateMachine } from './machine.service';
import { IdParams } from '#core/validation';

const tags = ['production equipment'];

/** PP-23 (T4 第四十六条): the machine register, its cards, check items and upkeep items. */
export const machineRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/equipment/machines',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '设备台账 Machine register (PP-23)', querystring: MachineFilter, response: { 200: z.array(MachineSummary) } },
    },
    async (req) => findMachines(ctx.db, actorOf(req), req.query),
  );
  app.post(
    '/production/equipment/machines',
    {
      config: { permission: 'production.equipment.write' },
      schema: { tags, summary: '登记设备 New machine', body: MachineInput, response: { 201: MachineSummary } },
    },
    async (req, reply) => reply.code(201).send(await createMachine(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
  app.get(
    '/production/equipment/machines/:id',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '设备 Machine with its items, checks, repairs', params: IdParams, response: { 200: MachineDetail } },
    },
    async (req) => getMachine(ctx.db, actorOf(req), req.params.id, ctx.clock()),
  );
  app.put(
    '/production/equipment/machines/:id',
    {
      config: { permission: 'production.equipment.write' },
      schema: { tags, summary: '修改设备 Change a machine', params: IdParams, body: MachineChange, response: { 200: MachineSummary } },
    },
    async (req) => updateMachine(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  app.post(
    '/production/equipment/machines/:id/state',
    {
      config: { permission: 'production.equipment.write' },
      schema: { tags, summary: '停机、恢复或报废 Stop, restart or retire', params: IdParams, body: MachineStateChange, response: { 200: MachineSummary } },
    },
    async (req) => setMachineState(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  app.put(
    '/production/equipment/machines/:id/check-items',
    {
      config: { permission: 'production.equipment.write' },
      schema: {
        tags,
        summary: '点检项目（操作规程）Spot-check items (T4 第五十条)',
        params: IdParams,
        body: CheckItemsInput,
        response: { 200: z.array(CheckItemView) },
      },
    },
    async (req) => saveCheckItems(ctx.db, actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/production/equipment/machines/:id/upkeep-items',
    {
      config: { permission: 'production.equipment.write' },
      schema: { tags, summary: '日常保养项目 Upkeep items (PP-24)', params: IdParams, body: UpkeepItemsInput, response: { 200: z.array(UpkeepItemView) } },
    },
    async (req) => saveUpkeepItems(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  app.get(
    '/production/equipment/people',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '设备责任人候选 People who may own machines',
        response: { 200: z.array(z.object({ id: z.string(), displayName: z.string() })) },
      },
    },
    async (req) => findEquipmentPeople(ctx.db, actorOf(req)),
  );
  app.get(
    '/production/equipment/cards',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '设备管理卡 Machine cards with their QR code (一机一卡)', querystring: CardsQuery, response: { 200: z.array(MachineCard) } },
    },
    async (req) =>
      getMachineCards(
        ctx.db,
        actorOf(req),
        { workshopId: req.query.workshopId, ids: req.query.ids?.split(',').filter(Boolean) },
        `${req.protocol}://${req.host}`,
      ),
  );
};
