import { z } from 'zod';
import { defineSheet, exportSheet, requestLocale, XLSX_MIME } from '#core/excel';
import { actorOf, type RouteModule, sendFile } from '#core/http';
import { getPolicy } from '#core/policy';
import { IdParams, schoolTimeText } from '../common';
import {
  LeaveBulkDecisionBody,
  LeaveDecisionBody,
  LeaveExportQuery,
  LeaveRequestsQuery,
  LeaveViewSchema,
  NewLeaveBody,
  WithdrawLeaveBody,
} from './leave.contract';
import { decideLeave, decideLeaves, findLeaveRequests, getLeave, requestLeave, withdrawLeave } from './leave.service';

const kinds = [
  { value: 'sick', zh: '病假', en: 'Sick' },
  { value: 'personal', zh: '事假', en: 'Personal' },
  { value: 'official', zh: '公假', en: 'Official duty' },
];
const states = [
  { value: 'pending', zh: '待批', en: 'Pending' },
  { value: 'approved', zh: '已批准', en: 'Approved' },
  { value: 'rejected', zh: '未批准', en: 'Refused' },
  { value: 'withdrawn', zh: '已撤回', en: 'Withdrawn' },
];

/** The leave register kept on file (S1 考勤 一 "予以备案"), as a clean table. */
const leaveSheet = defineSheet({
  name: 'leave',
  columns: [
    { key: 'sessionDate', header: { zh: '培训日期', en: 'Date' }, type: 'date', width: 12 },
    { key: 'session', header: { zh: '培训', en: 'Session' }, type: 'string', width: 24 },
    { key: 'teacher', header: { zh: '教师', en: 'Teacher' }, type: 'string', width: 10 },
    { key: 'kind', header: { zh: '类别', en: 'Kind' }, type: 'enum', enumValues: kinds, width: 8 },
    { key: 'reason', header: { zh: '事由', en: 'Reason' }, type: 'string', width: 30 },
    { key: 'requestedAt', header: { zh: '申请时间', en: 'Asked at' }, type: 'string', width: 20 },
    { key: 'state', header: { zh: '状态', en: 'State' }, type: 'enum', enumValues: states, width: 8 },
    { key: 'decidedBy', header: { zh: '审批人', en: 'Decided by' }, type: 'string', width: 10 },
    { key: 'opinion', header: { zh: '意见', en: 'Opinion' }, type: 'string', width: 24 },
  ],
});

export const leaveRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/leave',
    {
      schema: {
        tags: ['training'],
        summary: '请假申请 Leave requests (ST-4)',
        querystring: LeaveRequestsQuery,
        response: { 200: z.array(LeaveViewSchema) },
      },
    },
    async (req) => findLeaveRequests(ctx.db, actorOf(req), { ...req.query, isMine: req.query.mine === 'true' }),
  );

  app.get(
    '/training/leave/export',
    {
      config: { permission: 'training.read' },
      schema: { tags: ['training'], summary: '请假备案表 Leave register (Excel)', querystring: LeaveExportQuery },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const rows = await findLeaveRequests(ctx.db, actor, req.query);
      // The school's clock, not UTC: 10:00 in Beijing is written 10:00 (issue 13 item 10).
      const offset = (await getPolicy(ctx.db, actor.orgId)).calendar.utcOffsetMinutes;
      const body = await exportSheet(
        leaveSheet,
        rows.map((r) => ({
          sessionDate: r.sessionDate,
          session: r.sessionTitle,
          teacher: r.teacherName,
          kind: r.kind,
          reason: r.reason,
          requestedAt: schoolTimeText(r.requestedAt, offset),
          state: r.state,
          decidedBy: r.decidedByName,
          opinion: r.opinion,
        })),
        requestLocale(req),
      );
      return sendFile(reply, '请假备案表.xlsx', XLSX_MIME, body);
    },
  );

  app.get(
    '/training/leave/:id',
    { schema: { tags: ['training'], summary: '请假申请 A request', params: IdParams, response: { 200: LeaveViewSchema } } },
    async (req) => getLeave(ctx.db, actorOf(req), req.params.id),
  );

  app.post(
    '/training/leave',
    {
      config: { permission: 'training.self' },
      schema: {
        tags: ['training'],
        summary: '书面请假 Ask leave for one session (ST-4)',
        body: NewLeaveBody,
        response: { 201: LeaveViewSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await requestLeave(ctx.db, actorOf(req), req.body, ctx.clock())),
  );

  app.post(
    '/training/leave/:id/withdraw',
    {
      config: { permission: 'training.self' },
      schema: { tags: ['training'], summary: '撤回 Withdraw', params: IdParams, body: WithdrawLeaveBody, response: { 200: LeaveViewSchema } },
    },
    async (req) => withdrawLeave(ctx.db, actorOf(req), req.params.id, req.body.version),
  );

  app.post(
    '/training/leave/:id/decide',
    {
      config: { permission: 'training.leave.approve' },
      schema: {
        tags: ['training'],
        summary: '批准或不批准 Decide',
        params: IdParams,
        body: LeaveDecisionBody,
        response: { 200: LeaveViewSchema },
      },
    },
    async (req) => decideLeave(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.post(
    '/training/leave/decide',
    {
      config: { permission: 'training.leave.approve' },
      schema: {
        tags: ['training'],
        summary: '批量审批 Bulk decision (all or none)',
        body: LeaveBulkDecisionBody,
        response: { 200: z.array(LeaveViewSchema) },
      },
    },
    async (req) => decideLeaves(ctx.db, actorOf(req), req.body.items, req.body, ctx.clock()),
  );
};
