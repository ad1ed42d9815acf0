// 工作台 (issue 15 item 3): each person's home, composed from the modules' home sources.
export { homeModule } from './home.module';
export { HomeCardSchema, HomeResponseSchema, HomeTaskSchema, WordsSchema } from './home.contract';
export type { HomeCard, HomeFigure, HomeTask, HomeView, Words } from './home.contract';
export { card, figure, isLate, nextDeadlineOf, orderTasks, task, toneOfGap, withLateDeadlines } from './home.rules';
export { getHome } from './home.service';
export type { HomeSourceContext, HomeSourceDeclaration } from './home.service';
