export { OPERATION_KINDS, RECTIFICATION_STATES } from './shopfloor.contract';
export type {
  ChecklistForm,
  ChecklistInput,
  DueList,
  FloorOverview,
  OperationKind,
  OperationRecordInput,
  OperationRecordView,
  PatrolInput,
  PatrolView,
  RectificationState,
  RectificationView,
  SafetyCheckView,
  SafetyItemView,
} from './shopfloor.contract';
export { PROCESS_CATEGORIES } from './process-doc.contract';
export type {
  CreateProcessDocInput,
  ProcessBody,
  ProcessCategory,
  ProcessDiffEntry,
  ProcessDocDetail,
  ProcessDocSummary,
  UpdateProcessDocInput,
} from './process-doc.contract';
export { prodOperationRecords, prodPatrols, prodRectifications, prodSafetyChecks, prodSafetyItems } from './shopfloor.schema';
export { checklistItemsFor, dueWorkshops, evaluateChecklist, isOverdue, rectificationRights } from './shopfloor.rules';
export { CATEGORY_LABELS, docTypeOf, isProcessDocType, normaliseItems, PROCESS_DOC_TYPES, readableDiff } from './process-doc.rules';
export {
  actOnProcessDoc,
  createProcessDoc,
  findDocsInForce,
  findProcessDocs,
  getProcessDoc,
  processDocLink,
  processDocumentTypes,
  processGuards,
  updateProcessDraft,
} from './process-doc.service';
export { addSafetyItem, findDueChecklists, findSafetyItems, getChecklistForm, recordSafetyCheck, updateSafetyItem } from './safety.service';
export { closeRectification, escalateRectification, findRectifications, openRectification, RECTIFICATION_SUBJECT } from './rectification.service';
export { findOperationRecords, findPatrols, recordOperation, recordPatrol } from './patrol.service';
export { getFloorOverview } from './floor-overview.service';
export { processDocRoutes } from './process-doc.routes';
export { shopfloorRoutes } from './shopfloor.routes';
export { findFloorInbox } from './shopfloor-inbox.service';
