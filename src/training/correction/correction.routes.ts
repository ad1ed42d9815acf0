import { actorOf, type RouteModule } from '#core/http';
import { AttendanceViewSchema } from '../attendance';
import { IdParams } from '../common';
import { LockOverrideBody, VoidOutcomeSchema, VoidSessionBody } from './correction.contract';
import { overrideLockedRecord } from './lock-override.service';
import { voidSession } from './session-void.service';

export const correctionRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/training/sessions/:id/void',
    {
      config: { permission: 'training.school.manage' },
      schema: {
        tags: ['training'],
        summary: '作废误建的场次 Void a session entered by mistake (issue 13)',
        params: IdParams,
        body: VoidSessionBody,
        response: { 200: VoidOutcomeSchema },
      },
    },
    async (req) => voidSession(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );

  app.post(
    '/training/sessions/:id/attendance/override',
    {
      // The role named by the policy decides; the service checks it.
      config: { permission: 'training.read' },
      schema: {
        tags: ['training'],
        summary: '锁定后更正单条考勤 Correct one locked record (issue 13)',
        params: IdParams,
        body: LockOverrideBody,
        response: { 200: AttendanceViewSchema },
      },
    },
    async (req) => overrideLockedRecord(ctx.db, actorOf(req), req.params.id, req.body, ctx.clock()),
  );
};
