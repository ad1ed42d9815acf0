import { z } from 'zod';
import { defineSheet, exportSheet, requestLocale, XLSX_MIME } from '#core/excel';
import { actorOf, type RouteModule, sendFile } from '#core/http';
import { getPolicy } from '#core/policy';
import { IdParams, schoolTimeText, schoolYearOrCurrent, YearFilterQuery } from '../common';
import { AssessmentsQuery, AssessmentViewSchema, ComputeAssessmentsBody, ConfirmAssessmentBody, ConfirmQualifiedBody } from './assessment.contract';
import { computeAssessments, confirmAssessment, confirmQualifiedAssessments, findAssessments, findMyAssessments, getAssessment } from './assessment.service';

/** For the annual appraisal (ST-7 "results feed the annual appraisal"): a clean table. */
const assessmentSheet = defineSheet({
  name: 'assessment',
  columns: [
    { key: 'schoolYear', header: { zh: '学年', en: 'School year' }, type: 'string', width: 12 },
    { key: 'staffNo', header: { zh: '工号', en: 'Staff no.' }, type: 'string', required: true, width: 10 },
    { key: 'name', header: { zh: '姓名', en: 'Name' }, type: 'string', width: 10 },
    { key: 'group', header: { zh: '教研组', en: 'Group' }, type: 'string', width: 14 },
    {
      key: 'verdict',
      header: { zh: '考核等次', en: 'Verdict' },
      type: 'enum',
      enumValues: [
        { value: 'qualified', zh: '合格', en: 'Qualified' },
        { value: 'unqualified', zh: '不合格', en: 'Unqualified' },
      ],
      width: 10,
    },
    { key: 'credits', header: { zh: '学分', en: 'Credits' }, type: 'number', width: 8 },
    { key: 'absences', header: { zh: '无故缺席次数', en: 'Unexcused absences' }, type: 'integer', width: 12 },
    { key: 'reasons', header: { zh: '依据', en: 'Reasons' }, type: 'string', width: 60 },
    { key: 'isConfirmed', header: { zh: '已确认', en: 'Confirmed' }, type: 'boolean', width: 8 },
    { key: 'confirmedAt', header: { zh: '确认时间', en: 'Confirmed at' }, type: 'string', width: 18 },
    { key: 'confirmedBy', header: { zh: '确认人', en: 'Confirmed by' }, type: 'string', width: 10 },
  ],
});

export const assessmentRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/assessments',
    {
      config: { permission: 'training.read' },
      schema: {
        tags: ['training'],
        summary: '年度考核 Yearly assessment (ST-7)',
        querystring: AssessmentsQuery,
        response: { 200: z.array(AssessmentViewSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return findAssessments(ctx.db, actor, await schoolYearOrCurrent(ctx.db, actor.orgId, ctx.clock(), req.query.schoolYear), { verdict: req.query.verdict });
    },
  );

  app.post(
    '/training/assessments/confirm-qualified',
    {
      config: { permission: 'training.assess' },
      schema: {
        tags: ['training'],
        summary: '批量确认合格 Confirm every qualified verdict with one opinion (issue 13)',
        body: ConfirmQualifiedBody,
        response: { 200: z.object({ confirmed: z.number() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return confirmQualifiedAssessments(
        ctx.db,
        actor,
        await schoolYearOrCurrent(ctx.db, actor.orgId, ctx.clock(), req.body.schoolYear),
        req.body,
        ctx.clock(),
      );
    },
  );

  app.post(
    '/training/assessments/compute',
    {
      config: { permission: 'training.assess' },
      schema: {
        tags: ['training'],
        summary: '按制度计算考核结果 Compute the verdicts (ST-7)',
        body: ComputeAssessmentsBody,
        response: { 200: z.array(AssessmentViewSchema) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return computeAssessments(ctx.db, actor, await schoolYearOrCurrent(ctx.db, actor.orgId, ctx.clock(), req.body.schoolYear), ctx.clock());
    },
  );

  app.get(
    '/training/assessments/export',
    {
      config: { permission: 'training.read' },
      schema: { tags: ['training'], summary: '导出考核表 Export for the appraisal (Excel)', querystring: YearFilterQuery },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const year = await schoolYearOrCurrent(ctx.db, actor.orgId, ctx.clock(), req.query.schoolYear);
      const rows = await findAssessments(ctx.db, actor, year);
      const locale = requestLocale(req);
      // The school's clock, not the server's (issue 13 item 10).
      const offset = (await getPolicy(ctx.db, actor.orgId)).calendar.utcOffsetMinutes;
      const body = await exportSheet(
        assessmentSheet,
        rows.map((r) => ({
          schoolYear: r.schoolYear,
          staffNo: r.staffNo,
          name: r.teacherName,
          group: r.groupName,
          verdict: r.verdict,
          credits: r.credits,
          absences: r.unexcusedAbsences,
          reasons: r.reasons.map((x) => `${x.clause}：${locale === 'en' ? x.summary.en : x.summary.zh}`).join('；'),
          isConfirmed: r.state === 'confirmed',
          confirmedAt: schoolTimeText(r.confirmedAt, offset),
          confirmedBy: r.confirmedByName,
        })),
        locale,
      );
      return sendFile(reply, `校本培训考核-${year}.xlsx`, XLSX_MIME, body);
    },
  );

  app.get(
    '/training/assessments/me',
    {
      config: { permission: 'training.self' },
      schema: { tags: ['training'], summary: '我的考核结果 My verdicts', response: { 200: z.array(AssessmentViewSchema) } },
    },
    async (req) => findMyAssessments(ctx.db, actorOf(req)),
  );

  app.get(
    '/training/assessments/:id',
    { schema: { tags: ['training'], summary: '考核结果 A verdict with its evidence', params: IdParams, response: { 200: AssessmentViewSchema } } },
    async (req) => getAssessment(ctx.db, actorOf(req), req.params.id),
  );

  app.post(
    '/training/assessments/:id/confirm',
    {
      config: { permission: 'training.assess' },
      schema: {
        tags: ['training'],
        summary: '审核确认 Review and confirm (ST-7, CORE-8)',
        params: IdParams,
        body: ConfirmAssessmentBody,
        response: { 200: AssessmentViewSchema },
      },
    },
    async (req) => confirmAssessment(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
};
