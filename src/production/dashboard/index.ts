export { findProductionInbox, getPlanningDashboard } from './dashboard.service';
export { productionHomeSource } from './home';
