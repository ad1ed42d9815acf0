import { actorOf, type RouteModule } from '#core/http';
import { HandbookGrid, RecordBookCheckBody, RecordBookCheckView, RecordBookList, SignOffBody, SignOffView, YearQuery } from './handbook.contract';
import { findHandbookGrid, findRecordBookChecks, recordRecordBookCheck, signHandbook } from './handbook.service';

/** ST-19: the monthly sign-off of the handbook (S1 学习制度 1) and the record-book inspections (S1 考勤 三). */
export const handbookRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/handbook',
    {
      config: { permission: 'training.read' },
      schema: {
        tags: ['training'],
        summary: '年度考核记实手册按月签评 Monthly handbook sign-off (S1)',
        querystring: YearQuery,
        response: { 200: HandbookGrid },
      },
    },
    async (req) => findHandbookGrid(ctx.db, actorOf(req), req.query),
  );
  app.post(
    '/training/handbook/sign-offs',
    {
      config: { permission: 'training.read' },
      schema: { tags: ['training'], summary: '签评一个月 Sign one month', body: SignOffBody, response: { 200: SignOffView } },
    },
    async (req) => signHandbook(ctx.db, actorOf(req), req.body, ctx.clock()),
  );
  app.get(
    '/training/record-book-checks',
    {
      config: { permission: 'training.read' },
      schema: {
        tags: ['training'],
        summary: '《校本培训记录册》检查 Record-book inspections (S1 考勤 三)',
        querystring: YearQuery,
        response: { 200: RecordBookList },
      },
    },
    async (req) => findRecordBookChecks(ctx.db, actorOf(req), req.query),
  );
  app.post(
    '/training/record-book-checks',
    {
      config: { permission: 'training.read' },
      schema: { tags: ['training'], summary: '登记检查结果 Record an inspection', body: RecordBookCheckBody, response: { 201: RecordBookCheckView } },
    },
    async (req, reply) => reply.code(201).send(await recordRecordBookCheck(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
};
