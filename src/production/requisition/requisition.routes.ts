import { qrSvg } from '#core/qr';
import { z } from 'zod';
import { exportSheet, requestLocale, XLSX_MIME } from '#core/excel';
import { actorOf, type RouteModule, sendFile } from '#core/http';
import { issueRequisition, returnRequisition } from './issue.service';
import { assignNormWorkshop, findMaterialNorms } from './norm.service';
import {
  ActionBody,
  AssessUsageBody,
  AssessUsageResult,
  AssignNormBody,
  IssueBody,
  IssueResult,
  MaterialNormRow,
  PlanDaysQuery,
  PlanDaysView,
  ProposalBody,
  ProposalView,
  RequisitionBody,
  RequisitionListQuery,
  RequisitionQr,
  RequisitionSummary,
  RequisitionView,
  UsageQuery,
  UsageView,
} from './requisition.contract';
import { issueLink } from './requisition-notify';
import { createRequisition, getPlanDays, proposeRequisition } from './requisition.service';
import { approveRequisition, rejectRequisition, withdrawRequisition } from './requisition-transition.service';
import { findRequisitions, getRequisitionView } from './requisition-view.service';
import { assessMaterialUsage, getMaterialUsage } from './usage.service';
import { usageSheet, usageSheetRows } from './usage.sheet';
import { IdParams } from '#core/validation';

const tags = ['production requisitions'];

export const requisitionRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/production/requisitions',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '领料单 Requisitions by workshop, stage and plan days (PP-17)',
        querystring: RequisitionListQuery,
        response: { 200: z.array(RequisitionSummary) },
      },
    },
    async (req) => findRequisitions(ctx.db, actorOf(req), req.query),
  );
  app.get(
    '/production/requisitions/plan-days',
    {
      config: { permission: 'production.requisition.write' },
      schema: {
        tags,
        summary: '本周计划日 The week’s plan days of a workshop to requisition for',
        querystring: PlanDaysQuery,
        response: { 200: PlanDaysView },
      },
    },
    async (req) => getPlanDays(ctx.db, actorOf(req), req.query.workshopId, req.query.weekOf, ctx.clock()),
  );
  app.post(
    '/production/requisitions/proposal',
    {
      config: { permission: 'production.requisition.write' },
      schema: { tags, summary: '按定额建议领料量 Proposed quantities from the norms (T4 第二十八条)', body: ProposalBody, response: { 200: ProposalView } },
    },
    async (req) => proposeRequisition(ctx.db, actorOf(req), req.body),
  );
  app.post(
    '/production/requisitions',
    {
      config: { permission: 'production.requisition.write' },
      schema: {
        tags,
        summary: '填写领料单并提交 Write a requisition (submitted to the workshop director)',
        body: RequisitionBody,
        response: { 201: RequisitionView },
      },
    },
    async (req, reply) => reply.code(201).send(await createRequisition(ctx.db, actorOf(req), req.body, ctx.clock())),
  );
  app.get(
    '/production/requisitions/:id',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '领料单 A requisition: lines requested, issued and outstanding, its approval',
        params: IdParams,
        response: { 200: RequisitionView },
      },
    },
    async (req) => getRequisitionView(ctx.db, actorOf(req), req.params.id),
  );
  app.get(
    '/production/requisitions/:id/qr',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '领料单二维码 The QR code that opens its issue page', params: IdParams, response: { 200: RequisitionQr } },
    },
    async (req) => {
      const view = await getRequisitionView(ctx.db, actorOf(req), req.params.id);
      const url = `${req.protocol}://${req.host}${issueLink(view.id)}`;
      return { url, svg: await qrSvg(url) };
    },
  );
  // Deciding is checked in the use case: the director of THIS workshop, then the policy's role.
  for (const [action, run] of [
    ['approve', approveRequisition],
    ['reject', rejectRequisition],
  ] as const) {
    app.post(
      `/production/requisitions/:id/${action}`,
      {
        config: { permission: 'production.read' },
        schema: {
          tags,
          summary: action === 'approve' ? '批准 Approve (workshop director; above-norm role)' : '退回 Reject with an opinion',
          params: IdParams,
          body: ActionBody,
          response: { 200: RequisitionView },
        },
      },
      async (req) => run(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
    );
  }
  app.post(
    '/production/requisitions/:id/withdraw',
    {
      config: { permission: 'production.requisition.write' },
      schema: { tags, summary: '撤回 Withdraw while awaiting approval', params: IdParams, body: ActionBody, response: { 200: RequisitionView } },
    },
    async (req) => withdrawRequisition(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
  app.post(
    '/production/requisitions/:id/issue',
    {
      config: { permission: 'production.stock.write' },
      schema: {
        tags,
        summary: '发料 Issue against the approved requisition (partial allowed)',
        params: IdParams,
        body: IssueBody,
        response: { 201: IssueResult },
      },
    },
    async (req, reply) => reply.code(201).send(await issueRequisition(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock())),
  );
  app.post(
    '/production/requisitions/:id/return',
    {
      config: { permission: 'production.stock.write' },
      schema: { tags, summary: '退料 Return unused material against the requisition', params: IdParams, body: IssueBody, response: { 201: IssueResult } },
    },
    async (req, reply) => reply.code(201).send(await returnRequisition(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock())),
  );

  app.get(
    '/production/material-usage',
    {
      config: { permission: 'production.read' },
      schema: {
        tags,
        summary: '用料分析 Usage against the norm per workshop and month (T4 第二十九、三十条)',
        querystring: UsageQuery,
        response: { 200: UsageView },
      },
    },
    async (req) => getMaterialUsage(ctx.db, actorOf(req), req.query),
  );
  app.get(
    '/production/material-usage/export',
    { config: { permission: 'production.read' }, schema: { tags, summary: '用料分析导出 Excel', querystring: UsageQuery } },
    async (req, reply) => {
      const view = await getMaterialUsage(ctx.db, actorOf(req), req.query);
      return sendFile(reply, `用料分析-${view.month}.xlsx`, XLSX_MIME, await exportSheet(usageSheet, usageSheetRows(view), requestLocale(req)));
    },
  );
  app.post(
    '/production/material-usage/assess',
    {
      config: { permission: 'assessment.manage' },
      schema: { tags, summary: '物料消耗考核 Record the month’s over-use findings (T4 第三十条)', body: AssessUsageBody, response: { 200: AssessUsageResult } },
    },
    async (req) => assessMaterialUsage(ctx.db, actorOf(req), req.body.month),
  );
  app.get(
    '/production/material-norms',
    {
      config: { permission: 'production.read' },
      schema: { tags, summary: '材料定额 Norms per product and the workshop that draws each', response: { 200: z.array(MaterialNormRow) } },
    },
    async (req) => findMaterialNorms(ctx.db, actorOf(req)),
  );
  app.put(
    '/production/material-norms/:id',
    {
      config: { permission: 'production.master.write' },
      schema: {
        tags,
        summary: '设置用料车间 Set the workshop that draws a component',
        params: IdParams,
        body: AssignNormBody,
        response: { 200: MaterialNormRow },
      },
    },
    async (req) => assignNormWorkshop(ctx.db, actorOf(req), req.params.id, req.body.workshopId),
  );
};
