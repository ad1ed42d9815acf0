// The office's dashboard and the teacher's phone home page.
export { attendanceByGroupAndWeek, creditDistribution } from './dashboard.rules';
export { getOfficeDashboard } from './dashboard.service';
export { getMyHome } from './me.service';
export { dashboardRoutes } from './dashboard.routes';
export { trainingHomeSource } from './home';
