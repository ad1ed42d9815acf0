import { z } from 'zod';
import { actorOf, type RouteModule } from '#core/http';
import { IdParams } from '../common';
import {
  CriterionSchema,
  EvaluationFormBody,
  EvaluationFormSchema,
  EvaluationTokenParams,
  GivenEvaluationSchema,
  NewRoundBody,
  PublicEvaluationAnswerSchema,
  PublicEvaluationBody,
  PublicEvaluationFormSchema,
  RoundLinkSchema,
  RoundViewSchema,
  TeacherEvaluationSchema,
} from './evaluation.contract';
import { CRITERIA } from './evaluation.rules';
import {
  createRound,
  findMyGivenEvaluations,
  findRoundLinks,
  findRoundResults,
  findRounds,
  getPublicEvaluationForm,
  submitEvaluation,
  submitPublicEvaluation,
} from './evaluation.service';

export const evaluationRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/evaluations/criteria',
    { schema: { tags: ['training'], summary: '评价项目 Criteria', response: { 200: z.array(CriterionSchema) } } },
    async () => CRITERIA,
  );

  app.get(
    '/training/evaluations/rounds',
    { schema: { tags: ['training'], summary: '评价活动 Evaluation rounds (ST-9)', response: { 200: z.array(RoundViewSchema) } } },
    async (req) => findRounds(ctx.db, actorOf(req)),
  );

  app.post(
    '/training/evaluations/rounds',
    {
      config: { permission: 'training.assess' },
      schema: {
        tags: ['training'],
        summary: '发起评价 Start a round',
        body: NewRoundBody,
        response: { 201: RoundViewSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createRound(ctx.db, actorOf(req), req.body, ctx.clock())),
  );

  app.get(
    '/training/evaluations/rounds/:id/results',
    { schema: { tags: ['training'], summary: '加权结果 Weighted results', params: IdParams, response: { 200: z.array(TeacherEvaluationSchema) } } },
    async (req) => findRoundResults(ctx.db, actorOf(req), req.params.id),
  );

  app.get(
    '/training/evaluations/rounds/:id/links',
    {
      config: { permission: 'training.assess' },
      schema: { tags: ['training'], summary: '学生、家长评价链接 Anonymous links', params: IdParams, response: { 200: z.array(RoundLinkSchema) } },
    },
    async (req) => findRoundLinks(ctx.db, actorOf(req), req.params.id),
  );

  app.get(
    '/training/evaluations/rounds/:id/mine',
    { schema: { tags: ['training'], summary: '我已完成的评价 What I have given', params: IdParams, response: { 200: z.array(GivenEvaluationSchema) } } },
    async (req) => findMyGivenEvaluations(ctx.db, actorOf(req), req.params.id),
  );

  app.post(
    '/training/evaluations/rounds/:id/forms',
    {
      schema: {
        tags: ['training'],
        summary: '自评、同事评、管理者评 Self, peer or administrator form',
        params: IdParams,
        body: EvaluationFormBody,
        response: { 201: EvaluationFormSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await submitEvaluation(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock())),
  );

  app.get(
    '/training/public/evaluations/:token',
    {
      config: { isPublic: true },
      schema: {
        tags: ['training'],
        summary: '匿名评价表 Anonymous form (students, parents)',
        params: EvaluationTokenParams,
        response: { 200: PublicEvaluationFormSchema },
      },
    },
    async (req) => getPublicEvaluationForm(ctx.db, req.params.token, ctx.clock()),
  );

  app.post(
    '/training/public/evaluations/:token',
    {
      config: { isPublic: true, skipCsrf: true },
      schema: {
        tags: ['training'],
        summary: '提交匿名评价 Answer anonymously',
        params: EvaluationTokenParams,
        body: PublicEvaluationBody,
        response: { 201: PublicEvaluationAnswerSchema },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await submitPublicEvaluation(ctx.db, req.params.token, req.body, { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') }, ctx.clock()),
        ),
  );
};
