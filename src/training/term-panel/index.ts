// Issue 13 item 14 (ST-18, S2 五.5): the term-end assessment by the school's assessment panel.
export { termAssessments } from './term-panel.schema';
export type { PanelVerdict, TermAssessmentRow, TermPanelFacts } from './term-panel.schema';
export { decideTermAssessment, findTermPanel, isOnTermPanel, proposeTermVerdict } from './term-panel.service';
export { termPanelRoutes } from './term-panel.routes';
