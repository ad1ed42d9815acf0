import { z } from 'zod';
import { actorOf, type RouteModule } from '../http';
import {
  DeadlineListQuery,
  type DeadlineView,
  DeadlineViewSchema,
  HolidayChangeBody,
  HolidayDateParams,
  HolidayImportSchema,
  HolidayRangeQuery,
  HolidaySchema,
  NationalHolidayImportBody,
  NationalHolidayYearSchema,
  NewHolidayBody,
} from './calendar.contract';
import { findDeadlines } from './deadline.service';
import { VersionQuery } from '../validation';
import { addHoliday, findHolidays, importNationalHolidays, listNationalHolidayYears, removeHoliday, updateHoliday } from './holiday.service';

export const calendarRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/calendar/holidays',
    {
      schema: {
        tags: ['calendar'],
        summary: '节假日与调休 Holidays and make-up working days',
        querystring: HolidayRangeQuery,
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
        body: NationalHolidayImportBody,
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
        body: NewHolidayBody,
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
        params: HolidayDateParams,
        body: HolidayChangeBody,
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
        params: HolidayDateParams,
        querystring: VersionQuery,
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
        querystring: DeadlineListQuery,
        response: { 200: z.array(DeadlineViewSchema) },
      },
    },
    async (req): Promise<DeadlineView[]> => findDeadlines(ctx.db, actorOf(req), req.query, ctx.clock()),
  );
};
