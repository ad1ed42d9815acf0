// The server's contracts, as types only (erased at build): the web reads the same request and
// response shapes the API declares instead of copying them (issue 16 item 2). Add a line per
// contract a page uses; never import values from the server here.
export type { HomeCard, HomeFigure, HomeTask, HomeView } from '../../src/core/home/home.contract';
// Issue 13 items 14–16: the term-end panel, the handbook sign-off and record books, group plans and the budget.
export type { TermPanelDecisionView, TermPanelList, TermPanelRowView } from '../../src/training/term-panel/term-panel.contract';
export type { HandbookGrid, RecordBookCheckView, RecordBookList, SignOffView } from '../../src/training/handbook/handbook.contract';
export type { BudgetItemView, BudgetView, GroupPlanList, GroupPlanView } from '../../src/training/group-plan/group-plan.contract';
