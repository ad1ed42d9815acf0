import { z } from 'zod';
import { exportSheet, requestLocale, XLSX_MIME } from '#core/excel';
import { actorOf, arrivalOf, type RouteModule, sendFile } from '#core/http';
import { getPolicy } from '#core/policy';
import { IdParams } from '../common';
import {
  AttendanceChangeSchema,
  AttendanceViewSchema,
  HoldScanBody,
  MarkAttendanceBody,
  RosterSchema,
  ScanBody,
  ScreenQrQuery,
  ScreenQrSchema,
  SignInResultSchema,
} from './attendance.contract';
import { findAttendanceChanges } from './attendance.service';
import { attendanceSheet, attendanceSheetRows } from './attendance.sheet';
import { closeRoster, getRoster, recordAttendance } from './roster.service';
import { SCAN_HOLD_MINUTES } from './qr-token.rules';
import { getScreenQr, holdScan, signInWithQr } from './sign-in.service';

// The hold of a scan made before logging in: only the sign-in path ever receives it.
const SCAN_HOLD_COOKIE = 'zhidu_scan';
const SIGN_IN_PATH = '/api/training/sign-in';

export const attendanceRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/sessions/:id/qr',
    {
      schema: {
        tags: ['training'],
        summary: '签到二维码（轮换） Rotating sign-in code for the screen (ST-4)',
        params: IdParams,
        querystring: ScreenQrQuery,
        response: { 200: ScreenQrSchema },
      },
    },
    async (req) => getScreenQr(ctx.db, actorOf(req), req.params.id, req.query.mode, `${req.protocol}://${req.host}`, ctx.clock()),
  );

  app.post(
    '/training/sign-in',
    {
      config: { permission: 'training.self' },
      schema: {
        tags: ['training'],
        summary: '扫码签到/签退 Sign in or out with the code (ST-4)',
        body: ScanBody,
        response: { 200: SignInResultSchema },
      },
    },
    async (req) => signInWithQr(ctx.db, actorOf(req), req.body, { ip: req.ip ?? null, hold: req.cookies[SCAN_HOLD_COOKIE] }, arrivalOf(req, ctx.clock)),
  );

  app.post(
    '/training/sign-in/hold',
    {
      config: { isPublic: true, skipCsrf: true },
      schema: {
        tags: ['training'],
        summary: '未登录时扫码：保留本次扫码几分钟 Hold a scan while the teacher logs in (ST-4)',
        body: HoldScanBody,
        response: { 200: z.object({ heldUntil: z.date() }) },
      },
    },
    async (req, reply) => {
      const { hold, heldUntil } = await holdScan(ctx.db, req.body.token, arrivalOf(req, ctx.clock));
      reply.setCookie(SCAN_HOLD_COOKIE, hold, {
        path: SIGN_IN_PATH,
        httpOnly: true,
        sameSite: 'strict',
        secure: req.protocol === 'https',
        maxAge: SCAN_HOLD_MINUTES * 60,
      });
      return { heldUntil };
    },
  );

  app.get(
    '/training/sessions/:id/roster',
    { schema: { tags: ['training'], summary: '签到名单 Sign-in list (ST-4)', params: IdParams, response: { 200: RosterSchema } } },
    async (req) => getRoster(ctx.db, actorOf(req), req.params.id, ctx.clock()),
  );

  app.post(
    '/training/sessions/:id/attendance',
    {
      config: { permission: 'training.attendance.record' },
      schema: {
        tags: ['training'],
        summary: '登记或更正考勤 Record or correct attendance (ST-4)',
        params: IdParams,
        body: MarkAttendanceBody,
        response: { 200: AttendanceViewSchema },
      },
    },
    async (req) => recordAttendance(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.post(
    '/training/sessions/:id/close-roster',
    {
      config: { permission: 'training.attendance.record' },
      schema: { tags: ['training'], summary: '结束签到，未到者记缺席 Close the list', params: IdParams, response: { 200: RosterSchema } },
    },
    async (req) => closeRoster(ctx.db, actorOf(req), req.params.id, ctx.clock()),
  );

  app.get(
    '/training/sessions/:id/attendance/changes',
    {
      schema: {
        tags: ['training'],
        summary: '考勤更正记录 Changes with old and new values',
        params: IdParams,
        response: { 200: z.array(AttendanceChangeSchema) },
      },
    },
    async (req) => findAttendanceChanges(ctx.db, actorOf(req), req.params.id),
  );

  app.get(
    '/training/sessions/:id/attendance/export',
    { schema: { tags: ['training'], summary: '导出签到表 Export the list (Excel)', params: IdParams } },
    async (req, reply) => {
      const actor = actorOf(req);
      const roster = await getRoster(ctx.db, actor, req.params.id, ctx.clock());
      const policy = await getPolicy(ctx.db, actor.orgId);
      const body = await exportSheet(attendanceSheet, attendanceSheetRows(roster, policy.calendar.utcOffsetMinutes), requestLocale(req));
      return sendFile(reply, `签到表-${roster.session.sessionDate}-${roster.session.title}.xlsx`, XLSX_MIME, body);
    },
  );
};
