// Demo data of the league module.
export { seedLeagueSchool } from './league.seed';
