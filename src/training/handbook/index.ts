// Issue 13 item 15 (ST-19): the 年度考核记实手册 signed monthly and the 《校本培训记录册》 inspected.
export { handbookSignOffs, recordBookChecks } from './handbook.schema';
export type { HandbookSignOffRow, RecordBookCheckRow, RecordBookFinding, SignOffRating } from './handbook.schema';
export {
  canInspectRecordBooks,
  canSignHandbook,
  findHandbookGrid,
  findRecordBookChecks,
  recordRecordBookCheck,
  signHandbook,
  signOffMonthsOf,
} from './handbook.service';
export { handbookRoutes } from './handbook.routes';
