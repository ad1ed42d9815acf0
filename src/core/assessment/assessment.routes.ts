import type { Actor } from '../access';
import { orgToday } from '../calendar';
import type { Db } from '../db';
import { type ExcelTable, exportSheet, requestLocale, XLSX_MIME } from '../excel';
import { actorOf, type RouteModule, sendFile } from '../http';
import { getPolicy } from '../policy';
import {
  type FindingDetail,
  FindingDetailSchema,
  type FindingFacets,
  FindingFacetsSchema,
  FindingListQuery,
  FindingListSchema,
  type FindingListView,
  FindingOpinionBody,
  FindingReasonBody,
} from './assessment.contract';
import { type FindingFilter, findFindingFacets, findFindings, getFinding } from './finding-query.service';
import { confirmFinding, disputeFinding, markFindingFalsified, withdrawFinding } from './finding-lifecycle.service';
import { findingSheetRow, findingsSheet } from './finding.sheet';
import { IdParams } from '../validation';

async function exportFindingRows(db: Db, actor: Actor, filter: FindingFilter, locale: 'zh-CN' | 'en') {
  const { items } = await findFindings(db, actor, { ...filter, limit: 10_000 });
  const policy = await getPolicy(db, actor.orgId);
  return items.map((f) => findingSheetRow(f, locale, policy.calendar.utcOffsetMinutes));
}

// Findings are export-only on the Excel page: they come from rules, never from a file.
export const findingsExcelTable: ExcelTable = {
  name: 'findings',
  label: { zh: '考核结果', en: 'Findings' },
  sheet: findingsSheet,
  permission: 'assessment.read',
  exportRows: (db, actor) => exportFindingRows(db, actor, {}, actor.locale),
};

export const assessmentRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/assessment/findings',
    {
      schema: {
        tags: ['assessment'],
        summary: '考核结果 Findings (without assessment.read: only one’s own)',
        querystring: FindingListQuery,
        response: { 200: FindingListSchema },
      },
    },
    async (req): Promise<FindingListView> => findFindings(ctx.db, actorOf(req), req.query),
  );

  app.get(
    '/assessment/facets',
    { schema: { tags: ['assessment'], summary: '筛选项 Filter values', response: { 200: FindingFacetsSchema } } },
    async (req): Promise<FindingFacets> => findFindingFacets(ctx.db, actorOf(req)),
  );

  app.get(
    '/assessment/findings/export',
    { schema: { tags: ['assessment'], summary: '导出考核结果 Export findings (xlsx)', querystring: FindingListQuery } },
    async (req, reply) => {
      const locale = requestLocale(req);
      const actor = actorOf(req);
      const rows = await exportFindingRows(ctx.db, actor, req.query, locale);
      const body = await exportSheet(findingsSheet, rows, locale);
      return sendFile(reply, `考核结果-${await orgToday(ctx.db, actor.orgId, ctx.clock())}.xlsx`, XLSX_MIME, body);
    },
  );

  app.get(
    '/assessment/findings/:id',
    { schema: { tags: ['assessment'], summary: '考核结果详情 Finding with its events', params: IdParams, response: { 200: FindingDetailSchema } } },
    async (req): Promise<FindingDetail> => getFinding(ctx.db, actorOf(req), req.params.id),
  );

  app.post(
    '/assessment/findings/:id/dispute',
    {
      schema: {
        tags: ['assessment'],
        summary: '申诉 Dispute (the subject, in writing)',
        params: IdParams,
        body: FindingReasonBody,
        response: { 200: FindingDetailSchema },
      },
    },
    async (req): Promise<FindingDetail> => disputeFinding(ctx.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/assessment/findings/:id/confirm',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags: ['assessment'],
        summary: '确认 Confirm with an opinion',
        params: IdParams,
        body: FindingOpinionBody,
        response: { 200: FindingDetailSchema },
      },
    },
    async (req): Promise<FindingDetail> => confirmFinding(ctx.db, actorOf(req), req.params.id, { reason: req.body.opinion, version: req.body.version }),
  );

  app.post(
    '/assessment/findings/:id/withdraw',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags: ['assessment'],
        summary: '撤销 Withdraw with a reason',
        params: IdParams,
        body: FindingReasonBody,
        response: { 200: FindingDetailSchema },
      },
    },
    async (req): Promise<FindingDetail> => withdrawFinding(ctx.db, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/assessment/findings/:id/falsified',
    {
      config: { permission: 'assessment.manage' },
      schema: {
        tags: ['assessment'],
        summary: '弄虚作假，加倍考核 Falsified: multiply the amount once (T2 七.5)',
        params: IdParams,
        body: FindingReasonBody,
        response: { 200: FindingDetailSchema },
      },
    },
    async (req): Promise<FindingDetail> => markFindingFalsified(ctx.db, actorOf(req), req.params.id, req.body),
  );
};
