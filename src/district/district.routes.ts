import { z } from 'zod';
import { exportSheet, requestLocale, XLSX_MIME } from '#core/excel';
import { actorOf, type RouteModule, sendFile } from '#core/http';
import { DISTRICT_TABLE_FILES, DISTRICT_TABLES, districtSheet } from './district.sheets';
import { IdParams } from '#core/validation';
import { Cycle, LinkRequestBody, LinkView, RollupQuery, SchoolSummary, TeacherLine, Version } from './district.contract';
import { findDistrictLinks, findSchoolLinks, requestLink, stepLink } from './link.service';
import { behindLines, readDistrictRollup, summariseSchool, teacherLines } from './rollup.service';

/** The district office's routes (issue 12): links it asks for and the read-only roll-up of accepted schools. */
export const districtRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/district/links',
    { config: { permission: 'district.read' }, schema: { tags: ['district'], summary: '学校关联 Links to schools', response: { 200: z.array(LinkView) } } },
    async (req) => findDistrictLinks(ctx.db, actorOf(req)),
  );

  app.post(
    '/district/links',
    {
      config: { permission: 'district.manage' },
      schema: {
        tags: ['district'],
        summary: '申请关联学校（按组织代码）Ask a school to link',
        body: LinkRequestBody,
        response: { 200: LinkView },
      },
    },
    async (req) => requestLink(ctx.db, actorOf(req), req.body, ctx.clock()),
  );

  app.post(
    '/district/links/:id/end',
    {
      config: { permission: 'district.manage' },
      schema: { tags: ['district'], summary: '结束关联或撤回申请 End a link', params: IdParams, body: Version, response: { 200: LinkView } },
    },
    async (req) => stepLink(ctx.db, actorOf(req), 'district', req.params.id, 'end', req.body.version, ctx.clock()),
  );

  app.get(
    '/district/overview',
    {
      config: { permission: 'district.read' },
      schema: {
        tags: ['district'],
        summary: '学区总览（只读，留痕）District overview of the linked schools',
        querystring: RollupQuery,
        response: { 200: z.object({ schoolYear: z.string(), cycle: Cycle, schools: z.array(SchoolSummary) }) },
      },
    },
    async (req) => {
      const read = await readDistrictRollup(ctx.db, actorOf(req), { ...req.query, view: 'overview' }, ctx.clock());
      return { schoolYear: read.schoolYear, cycle: read.cycle, schools: read.schools.map(summariseSchool) };
    },
  );

  app.get(
    '/district/teachers',
    {
      config: { permission: 'district.read' },
      schema: {
        tags: ['district'],
        summary: '教师学时与考核（只读，留痕）Teacher hours, credits and verdicts',
        querystring: RollupQuery,
        response: {
          200: z.object({
            schoolYear: z.string(),
            cycle: Cycle,
            schools: z.array(z.object({ id: z.uuid(), name: z.string() })),
            teachers: z.array(TeacherLine),
          }),
        },
      },
    },
    async (req) => {
      const read = await readDistrictRollup(ctx.db, actorOf(req), { ...req.query, view: 'teachers' }, ctx.clock());
      return {
        schoolYear: read.schoolYear,
        cycle: read.cycle,
        schools: read.schools.map((s) => ({ id: s.school.id, name: s.school.name })),
        teachers: teacherLines(read),
      };
    },
  );

  app.get(
    '/district/behind',
    {
      config: { permission: 'district.read' },
      schema: {
        tags: ['district'],
        summary: '进度落后教师（只读，留痕）Teachers behind the cycle',
        querystring: RollupQuery,
        response: { 200: z.object({ schoolYear: z.string(), cycle: Cycle, teachers: z.array(TeacherLine) }) },
      },
    },
    async (req) => {
      const read = await readDistrictRollup(ctx.db, actorOf(req), { ...req.query, view: 'behind' }, ctx.clock());
      return { schoolYear: read.schoolYear, cycle: read.cycle, teachers: behindLines(read) };
    },
  );

  app.get(
    '/district/export',
    {
      config: { permission: 'district.read' },
      schema: {
        tags: ['district'],
        summary: '导出学区汇总表（Excel，留痕）Roll-up table as Excel',
        querystring: RollupQuery.extend({ table: z.enum(DISTRICT_TABLES) }),
      },
    },
    async (req, reply) => {
      const locale = requestLocale(req);
      const read = await readDistrictRollup(
        ctx.db,
        actorOf(req),
        { schoolYear: req.query.schoolYear, schoolOrgId: req.query.schoolOrgId, view: 'export' },
        ctx.clock(),
      );
      const { def, rows } = districtSheet(req.query.table, read, locale);
      const name = DISTRICT_TABLE_FILES[req.query.table];
      return sendFile(reply, `${locale === 'en' ? name.en : name.zh}-${read.schoolYear}.xlsx`, XLSX_MIME, await exportSheet(def, rows, locale));
    },
  );
};

/** The school's side (issue 12, 上级学区): any school reaches these, whatever modules it has on. */
export const schoolLinkRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/district-links',
    {
      config: { permission: 'admin.org' },
      schema: { tags: ['district'], summary: '上级学区 The districts that asked this school or are linked', response: { 200: z.array(LinkView) } },
    },
    async (req) => findSchoolLinks(ctx.db, actorOf(req)),
  );
  for (const step of ['accept', 'decline', 'end'] as const) {
    const summary = { accept: '接受学区关联 Accept', decline: '拒绝学区关联 Decline', end: '结束学区关联 End the link' }[step];
    app.post(
      `/district-links/:id/${step}`,
      { config: { permission: 'admin.org' }, schema: { tags: ['district'], summary, params: IdParams, body: Version, response: { 200: LinkView } } },
      async (req) => stepLink(ctx.db, actorOf(req), 'school', req.params.id, step, req.body.version, ctx.clock()),
    );
  }
};
