import { z } from 'zod';
import { actorOf, type RouteModule } from '../http';
import { addAction, addDecision, completeAction } from './meeting-action.service';
import { decideLeave, findPendingLeaveRequests, recordAttendance, requestLeave } from './meeting-leave.service';
import { createSeries, extendSeries, findSeries } from './meeting-series.service';
import { createMeeting, findInvitablePeople, findMeetings, getMeeting, updateMeeting } from './meeting.service';
import { IdParams } from '../validation';
import {
  ActionCompleteBody,
  ActionParams,
  ActionRowSchema,
  AttendanceBody,
  AttendanceResultSchema,
  CreatedSeriesSchema,
  DecisionSchema,
  ExtendedSeriesSchema,
  InvitablePersonSchema,
  LeaveDecisionBody,
  LeaveRequestBody,
  LeaveRequestRowSchema,
  MeetingChangeBody,
  MeetingDetailSchema,
  MeetingItemSchema,
  MeetingListQuery,
  MeetingRowSchema,
  NewActionBody,
  NewDecisionBody,
  NewMeetingBody,
  NewSeriesBody,
  PendingLeaveSchema,
  SeriesRowSchema,
} from './meeting.contract';

export const meetingRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/meetings',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags: ['meeting'],
        summary: '会议列表 Meetings (mine or all)',
        querystring: MeetingListQuery,
        response: { 200: z.array(MeetingItemSchema) },
      },
    },
    async (req) => findMeetings(ctx.db, actorOf(req), req.query),
  );

  app.post(
    '/meetings',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags: ['meeting'],
        summary: '召开临时会议 Call an ad-hoc meeting',
        body: NewMeetingBody,
        response: { 201: MeetingRowSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createMeeting(ctx.db, actorOf(req), req.body)),
  );

  app.get(
    '/meetings/people',
    {
      config: { permission: 'meeting.read' },
      schema: { tags: ['meeting'], summary: '可选参会人 People to invite', response: { 200: z.array(InvitablePersonSchema) } },
    },
    async (req) => findInvitablePeople(ctx.db, actorOf(req)),
  );

  app.get(
    '/meetings/:id',
    {
      config: { permission: 'meeting.read' },
      schema: { tags: ['meeting'], summary: '会议详情 Meeting', params: IdParams, response: { 200: MeetingDetailSchema } },
    },
    async (req) => getMeeting(ctx.db, actorOf(req), req.params.id),
  );

  app.patch(
    '/meetings/:id',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags: ['meeting'],
        summary: '议程、纪要、状态 Agenda, minutes, state',
        params: IdParams,
        body: MeetingChangeBody,
        response: { 200: MeetingRowSchema },
      },
    },
    async (req) => updateMeeting(ctx.db, actorOf(req), req.params.id, req.body),
  );

  app.put(
    '/meetings/:id/attendance',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags: ['meeting'],
        summary: '登记考勤 Record attendance',
        params: IdParams,
        body: AttendanceBody,
        response: { 200: AttendanceResultSchema },
      },
    },
    async (req) => recordAttendance(ctx.db, actorOf(req), req.params.id, req.body.entries, ctx.clock()),
  );

  app.post(
    '/meetings/:id/leave',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags: ['meeting'],
        summary: '会前请假 Ask for leave',
        params: IdParams,
        body: LeaveRequestBody,
        response: { 201: LeaveRequestRowSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await requestLeave(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock())),
  );

  app.get(
    '/meeting-leave/pending',
    {
      config: { permission: 'meeting.read' },
      schema: { tags: ['meeting'], summary: '待我审批的请假 Leave waiting for me', response: { 200: z.array(PendingLeaveSchema) } },
    },
    async (req) => findPendingLeaveRequests(ctx.db, actorOf(req)),
  );

  app.post(
    '/meeting-leave/:id/decision',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags: ['meeting'],
        summary: '审批请假 Decide a leave request',
        params: IdParams,
        body: LeaveDecisionBody,
        response: { 200: LeaveRequestRowSchema },
      },
    },
    async (req) => decideLeave(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.post(
    '/meetings/:id/decisions',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags: ['meeting'],
        summary: '记录决议 Add a decision',
        params: IdParams,
        body: NewDecisionBody,
        response: { 201: DecisionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addDecision(ctx.db, actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/meetings/:id/actions',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags: ['meeting'],
        summary: '交办事项 Add an action item',
        params: IdParams,
        body: NewActionBody,
        response: { 201: ActionRowSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addAction(ctx.db, actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/meetings/:id/actions/:actionId/complete',
    {
      config: { permission: 'meeting.read' },
      schema: {
        tags: ['meeting'],
        summary: '办结事项 Complete an action item',
        params: ActionParams,
        body: ActionCompleteBody,
        response: { 200: ActionRowSchema },
      },
    },
    async (req) => completeAction(ctx.db, actorOf(req), req.params.id, req.params.actionId, req.body, ctx.clock()),
  );

  app.get(
    '/meeting-series',
    { config: { permission: 'meeting.read' }, schema: { tags: ['meeting'], summary: '例会 Meeting series', response: { 200: z.array(SeriesRowSchema) } } },
    async (req) => findSeries(ctx.db, actorOf(req)),
  );

  app.post(
    '/meeting-series',
    {
      config: { permission: 'meeting.manage' },
      schema: {
        tags: ['meeting'],
        summary: '设立例会 Create a recurring meeting',
        body: NewSeriesBody,
        response: { 201: CreatedSeriesSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createSeries(ctx.db, actorOf(req), req.body, ctx.clock())),
  );

  app.post(
    '/meeting-series/:id/extend',
    {
      config: { permission: 'meeting.manage' },
      schema: { tags: ['meeting'], summary: '续排例会 Generate further meetings', params: IdParams, response: { 200: ExtendedSeriesSchema } },
    },
    async (req) => ({ created: await extendSeries(ctx.db, actorOf(req), req.params.id, ctx.clock()) }),
  );
};
