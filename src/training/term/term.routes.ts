import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { IdParams } from '../common';
import {
  HonourDecisionBody,
  HonourViewSchema,
  ProposeHonoursBody,
  SchoolTermQuery,
  TermSummaryBody,
  TermSummaryRowSchema,
  TermSummaryViewSchema,
} from './term.contract';
import { getTermSummary, saveTermSummary } from './summary.service';
import { decideHonour, findHonours, proposeTermHonours } from './term.service';

export const termRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/honours',
    {
      config: { permission: 'training.read' },
      schema: {
        tags: ['training'],
        summary: '期末表彰与通报 Term honours (ST-10, ST-11)',
        querystring: SchoolTermQuery,
        response: { 200: z.array(HonourViewSchema) },
      },
    },
    async (req) => findHonours(ctx.db, actorOf(req), req.query.schoolYear, req.query.term),
  );

  app.post(
    '/training/honours/propose',
    {
      config: { permission: 'training.assess' },
      schema: {
        tags: ['training'],
        summary: '按制度生成建议名单 Propose from the rules',
        body: ProposeHonoursBody,
        response: { 200: z.array(HonourViewSchema) },
      },
    },
    async (req) => proposeTermHonours(ctx.db, actorOf(req), req.body.schoolYear, req.body.term, ctx.clock()),
  );

  app.post(
    '/training/honours/:id/decide',
    {
      config: { permission: 'training.assess' },
      schema: {
        tags: ['training'],
        summary: '确认或不采纳 Confirm or drop',
        params: IdParams,
        body: HonourDecisionBody,
        response: { 200: HonourViewSchema },
      },
    },
    async (req) => decideHonour(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.get(
    '/training/summaries',
    {
      config: { permission: 'training.read' },
      schema: { tags: ['training'], summary: '学期总结 Term summary (ST-17)', querystring: SchoolTermQuery, response: { 200: TermSummaryViewSchema } },
    },
    async (req) => getTermSummary(ctx.db, actorOf(req), req.query.schoolYear, req.query.term, ctx.clock()),
  );

  app.put(
    '/training/summaries',
    {
      config: { permission: 'training.assess' },
      schema: {
        tags: ['training'],
        summary: '保存学期总结 Save the summary',
        body: TermSummaryBody,
        response: { 200: TermSummaryRowSchema },
      },
    },
    async (req) => saveTermSummary(ctx.db, actorOf(req), req.body, ctx.clock()),
  );
};
