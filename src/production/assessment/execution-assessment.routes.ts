import { actorOf, type RouteModule } from '#core/http';
import { AssessRunBody, AssessRunResult, ManualFindingBody, ManualFindingView } from './execution-assessment.contract';
import { assessExecution } from './execution-assessment.service';
import { recordManualExecutionFinding } from './manual-finding.service';

const tags = ['production assessment'];

export const executionAssessmentRoutes: RouteModule = (app, ctx) => {
  app.post(
    '/production/execution-assessment/run',
    {
      config: { permission: 'assessment.manage' },
      schema: { tags, summary: '计算执行考核 Compute T2 7.2 / 7.3 for a month (PP-27)', body: AssessRunBody, response: { 200: AssessRunResult } },
    },
    async (req) => assessExecution(ctx.db, actorOf(req), req.body.month, ctx.clock()),
  );
  app.post(
    '/production/execution-findings',
    {
      config: { permission: 'production.plan.write' },
      schema: { tags, summary: '人工认定 A T2 7.2 / 7.3 finding no record shows (PP-27)', body: ManualFindingBody, response: { 201: ManualFindingView } },
    },
    async (req, reply) => reply.code(201).send(await recordManualExecutionFinding(ctx.db, actorOf(req), req.body)),
  );
};
