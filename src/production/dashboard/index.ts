export { findProductionInbox, getPlanningDashboard } from './dashboard.service';
