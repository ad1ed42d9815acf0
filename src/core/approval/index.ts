// Approval engine, versioned documents, distribution and the inbox (CORE-3, CORE-4, CORE-5).
export { approvalModule } from './approval.module';
export {
  approvalActions,
  approvalChains,
  documentReceipts,
  documentRevisions,
  documents,
} from './approval.schema';
export type { ChainStep, DocumentRow } from './approval.schema';
export {
  ACTION_LABELS,
  DOCUMENT_ACTIONS,
  DOCUMENT_STATES,
  DOCUMENT_WORKFLOW,
  findAllowedActions,
  STATE_LABELS,
  transition,
} from './approval.rules';
export type { DocumentAction, DocumentState, TransitionFacts, TransitionResult, TransitionRule } from './approval.rules';
export { DEFAULT_DIFF_LABELS, diffRevisions } from './revision-diff.rules';
export type { DiffEntry, DiffKind, DiffLabels } from './revision-diff.rules';
export { composeWorkflows, documentLink } from './approval.registry';
export type {
  ApprovalGuard,
  DocumentTypeInfo,
  GuardDeclaration,
  HookDeclaration,
  InboxItem,
  InboxSource,
  InboxSourceDeclaration,
  TransitionEvent,
  TransitionHook,
  WorkflowDeclarations,
  Workflows,
} from './approval.registry';
export { findApprovalChains, findChainFor, saveApprovalChain } from './approval-chain.service';
export type { ChainInput, ChainView } from './approval-chain.service';
export { createDocument, findDocuments, getDocument, updateDocument } from './document.service';
export type { DocumentChange, DocumentQuery, DocumentSummary, DocumentView, NewDocument, TimelineEntry } from './document.service';
export {
  actOnDocument,
  adjustDocument,
  applyTransition,
  approveDocument,
  rejectDocument,
  submitDocument,
} from './document-transition.service';
export type { ActionInput, AppliedTransition } from './document-transition.service';
export { acknowledgeDocument, findDistribution, issueDocument } from './distribution.service';
export type { DistributionView, IssueInput, ReceiptView } from './distribution.service';
export { diffDocumentRevisions, findRevisions, getRevision } from './revision.service';
export type { RevisionDiff, RevisionView } from './revision.service';
export { findInbox } from './inbox.service';
export { formatOrgTime, signatureSlots } from './signature.rules';
export type { SignatureAction, SignatureDecision, SignatureSlot } from './signature.rules';
export { findDocumentSignatures, resolveSignatures } from './signature.service';
export type { SignatureLine } from './signature.service';
export {
  ChainStepSchema,
  ChainViewSchema,
  DistributionViewSchema,
  DocumentSummarySchema,
  DocumentTypeInfoSchema,
  DocumentViewSchema,
  ReceiptViewSchema,
  RevisionDiffSchema,
  RevisionViewSchema,
  TimelineEntrySchema,
} from './approval.contract';
export type { DocumentTypeListItem } from './approval.contract';
