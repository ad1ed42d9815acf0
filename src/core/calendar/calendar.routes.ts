import { z } from 'zod';
import { actorOf, type RouteModule } from '../http';
import { type DeadlineView, DeadlineViewSchema, HolidayImportSchema, HolidaySchema, NationalHolidayYearSchema } from './calendar.contract';
import { findDeadlines } from './deadline.service';
import { addHoliday, findHolidays, importNationalHolidays, listNationalHolidayYears, removeHoliday, updateHoliday } from './holiday.service';

const DateParam = z.object({ date: z.iso.date() });

export const calendarRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/calendar/holidays',
    {
      schema: {
        tags: ['calendar'],
        summary: '节假日与调休 Holidays and make-up working days',
        querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
        response: { 200: z.array(HolidaySchema) },
      },
    },
    async (req) => findHolidays(ctx.db, actorOf(req), req.query),
  );

  app.get(
    '/calendar/national-holidays',
    {
      config: { permission: 'admin.policy' },
      schema: { tags: ['calendar'], summary: '可导入的国家节假日年份 National holiday years shipped', response: { 200: z.array(NationalHolidayYearSchema) } },
    },
    async () => listNationalHolidayYears(),
  );

  app.post(
    '/calendar/national-holidays/import',
    {
      config: { permission: 'admin.policy' },
      schema: {
        tags: ['calendar'],
        summary: '导入某年的国家节假日与调休 Import a year of national holidays',
        body: z.object({ year: z.number().int().min(2000).max(2100) }),
        response: { 200: HolidayImportSchema },
      },
    },
    async (req) => importNationalHolidays(ctx.db, actorOf(req), req.body.year),
  );

  app.post(
    '/calendar/holidays',
    {
      config: { permission: 'admin.policy' },
      schema: {
        tags: ['calendar'],
        summary: '添加节假日或调休日 Add a holiday or make-up day',
        body: z.object({ date: z.iso.date(), name: z.string().min(1).max(100), isWorkday: z.boolean().default(false) }),
        response: { 201: HolidaySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addHoliday(ctx.db, actorOf(req), req.body)),
  );

  app.put(
    '/calendar/holidays/:date',
    {
      config: { permission: 'admin.policy' },
      schema: {
        tags: ['calendar'],
        summary: '修改节假日 Change a holiday',
        params: DateParam,
        body: z.object({ name: z.string().min(1).max(100), isWorkday: z.boolean(), version: z.number().int() }),
        response: { 200: HolidaySchema },
      },
    },
    async (req) => updateHoliday(ctx.db, actorOf(req), req.params.date, req.body),
  );

  app.delete(
    '/calendar/holidays/:date',
    {
      config: { permission: 'admin.policy' },
      schema: {
        tags: ['calendar'],
        summary: '删除节假日 Remove a holiday',
        params: DateParam,
        querystring: z.object({ version: z.coerce.number().int() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeHoliday(ctx.db, actorOf(req), req.params.date, req.query.version);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/deadlines',
    {
      schema: {
        tags: ['calendar'],
        summary: '截止事项 Deadlines (mine, or the organisation’s with assessment.read)',
        querystring: z.object({
          scope: z.enum(['mine', 'org']).optional(),
          state: z.enum(['open', 'done', 'missed', 'cancelled', 'overdue']).optional(),
          subjectType: z.string().max(100).optional(),
          subjectId: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(1000).optional(),
        }),
        response: { 200: z.array(DeadlineViewSchema) },
      },
    },
    async (req): Promise<DeadlineView[]> => findDeadlines(ctx.db, actorOf(req), req.query, ctx.clock()),
  );
};
