import { actorOf, type RouteModule } from '#core/http';
import { TermPanelDecideBody, TermPanelDecisionView, TermPanelList, TermPanelQuery } from './term-panel.contract';
import { decideTermAssessment, findTermPanel } from './term-panel.service';

/** ST-18 (S2 五.5): the term-end assessment by the school's assessment panel. */
export const termPanelRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/training/term-assessments',
    {
      config: { permission: 'training.read' },
      schema: { tags: ['training'], summary: '学期末考核 Term-end panel assessment (S2 五.5)', querystring: TermPanelQuery, response: { 200: TermPanelList } },
    },
    async (req) => findTermPanel(ctx.db, actorOf(req), req.query, ctx.clock()),
  );
  app.post(
    '/training/term-assessments',
    {
      config: { permission: 'training.assess' },
      schema: { tags: ['training'], summary: '考核小组评定 The panel’s verdict', body: TermPanelDecideBody, response: { 200: TermPanelDecisionView } },
    },
    async (req) => decideTermAssessment(ctx.db, actorOf(req), req.body, ctx.clock()),
  );
};
