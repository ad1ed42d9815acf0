import { z } from 'zod';
import { defineSheet, exportSheet, requestLocale, XLSX_MIME } from '#core/excel';
import { actorOf, type RouteModule, sendFile } from '#core/http';
import { IdParams, schoolYearOrCurrent, YearFilterQuery } from '../common';
import { getMyTeacher } from '../teacher';
import { ClaimDecisionBody, ClaimsQuery, ClaimViewSchema, CreditSummarySchema, NewClaimBody, TeacherCreditsSchema, WithdrawClaimBody } from './credit.contract';
import { decideClaim, findClaims, getClaim, submitClaim, withdrawClaim } from './claim.service';
import { findCreditSummaries, getTeacherCredits } from './credit.service';

const creditSheet = defineSheet({
  name: 'credits',
  columns: [
    { key: 'staffNo', header: { zh: '工号', en: 'Staff no.' }, type: 'string', required: true, width: 10 },
    { key: 'name', header: { zh: '姓名', en: 'Name' }, type: 'string', width: 10 },
    { key: 'group', header: { zh: '教研组', en: 'Group' }, type: 'string', width: 14 },
    { key: 'hours', header: { zh: '学时', en: 'Hours' }, type: 'number', width: 8 },
    { key: 'credits', header: { zh: '学分', en: 'Credits' }, type: 'number', width: 8 },
    { key: 'required', header: { zh: '要求学分', en: 'Required' }, type: 'number', width: 10 },
    { key: 'isMet', header: { zh: '是否达标', en: 'Met' }, type: 'boolean', width: 10 },
  ],
});

export const creditRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/credits',
    {
      config: { permission: 'training.read' },
      schema: {
        tags: ['training'],
        summary: '学分汇总 Credits of every teacher (ST-6)',
        querystring: YearFilterQuery,
        response: { 200: z.array(CreditSummarySchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return findCreditSummaries(ctx.db, actor, await schoolYearOrCurrent(ctx.db, actor.orgId, ctx.clock(), req.query.schoolYear), ctx.clock());
    },
  );

  app.get(
    '/training/credits/export',
    {
      config: { permission: 'training.read' },
      schema: { tags: ['training'], summary: '导出学分汇总 Export (Excel)', querystring: YearFilterQuery },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const year = await schoolYearOrCurrent(ctx.db, actor.orgId, ctx.clock(), req.query.schoolYear);
      const rows = await findCreditSummaries(ctx.db, actor, year, ctx.clock());
      const body = await exportSheet(
        creditSheet,
        rows.map((r) => ({
          staffNo: r.staffNo,
          name: r.name,
          group: r.groupName,
          hours: r.totalHours,
          credits: r.totalCredits,
          required: r.required,
          isMet: r.isMet,
        })),
        requestLocale(req),
      );
      return sendFile(reply, `学分汇总-${year}.xlsx`, XLSX_MIME, body);
    },
  );

  app.get(
    '/training/credits/me',
    {
      config: { permission: 'training.self' },
      schema: {
        tags: ['training'],
        summary: '我的学分 My credits with reasons (ST-6)',
        querystring: YearFilterQuery,
        response: { 200: TeacherCreditsSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const me = await getMyTeacher(ctx.db, actor);
      return getTeacherCredits(ctx.db, actor, me.id, await schoolYearOrCurrent(ctx.db, actor.orgId, ctx.clock(), req.query.schoolYear), ctx.clock());
    },
  );

  app.get(
    '/training/credits/teachers/:id',
    {
      schema: {
        tags: ['training'],
        summary: '某教师学分明细 A teacher’s credits',
        params: IdParams,
        querystring: YearFilterQuery,
        response: { 200: TeacherCreditsSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return getTeacherCredits(ctx.db, actor, req.params.id, await schoolYearOrCurrent(ctx.db, actor.orgId, ctx.clock(), req.query.schoolYear), ctx.clock());
    },
  );

  app.get(
    '/training/claims',
    {
      schema: {
        tags: ['training'],
        summary: '校外培训学分认定 External training claims (ST-6)',
        querystring: ClaimsQuery,
        response: { 200: z.array(ClaimViewSchema) },
      },
    },
    async (req) => findClaims(ctx.db, actorOf(req), { ...req.query, isMine: req.query.mine === 'true' }),
  );

  app.get(
    '/training/claims/:id',
    { schema: { tags: ['training'], summary: '认定申请 A claim', params: IdParams, response: { 200: ClaimViewSchema } } },
    async (req) => getClaim(ctx.db, actorOf(req), req.params.id),
  );

  app.post(
    '/training/claims',
    {
      config: { permission: 'training.self' },
      schema: {
        tags: ['training'],
        summary: '申请认定校外培训 Claim external training, with evidence',
        body: NewClaimBody,
        response: { 201: ClaimViewSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await submitClaim(ctx.db, actorOf(req), req.body, ctx.clock())),
  );

  app.post(
    '/training/claims/:id/decide',
    {
      config: { permission: 'training.credit.approve' },
      schema: {
        tags: ['training'],
        summary: '认定或不予认定 Recognise or refuse',
        params: IdParams,
        body: ClaimDecisionBody,
        response: { 200: ClaimViewSchema },
      },
    },
    async (req) => decideClaim(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.post(
    '/training/claims/:id/withdraw',
    {
      config: { permission: 'training.self' },
      schema: { tags: ['training'], summary: '撤回 Withdraw', params: IdParams, body: WithdrawClaimBody, response: { 200: ClaimViewSchema } },
    },
    async (req) => withdrawClaim(ctx.db, actorOf(req), req.params.id, req.body.version),
  );
};
