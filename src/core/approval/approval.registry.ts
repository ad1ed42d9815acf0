import type { Actor } from '../access';
import type { Db } from '../db';
import type { DocumentAction, DocumentState } from './approval.rules';
import type { DocumentRow } from './approval.schema';

// What modules bring to the approval engine: their document types with guards and hooks,
// and the sources of 我的待办. Modules declare them (defineModule); the server composes the
// declarations into one Workflows value and passes it to the engine. Nothing is kept here.

export type Text = { zh: string; en: string };

/** Returns null to let the transition pass, or the reason it is blocked. */
export type ApprovalGuard = (db: Db, actor: Actor, doc: DocumentRow) => Promise<null | Text>;

export interface TransitionEvent {
  /** The document after the transition. */
  document: DocumentRow;
  action: DocumentAction;
  from: DocumentState;
  to: DocumentState;
  opinion: string | null;
  /** For hooks that move other documents through the engine. */
  workflows: Workflows;
}

/** Runs inside the transaction of the transition: a throw rolls the transition back. */
export type TransitionHook = (tx: Db, actor: Actor, event: TransitionEvent) => Promise<void>;

export interface DocumentTypeInfo {
  docType: string;
  label: Text;
  /** Number prefix, e.g. 'WJ' → WJ-2026-0001. */
  numberPrefix: string;
  /** The module's own page for this document; the generic page otherwise. */
  link?: (documentId: string) => string;
  /** false when the module edits the body with its own screens (the generic editor stays read-only). */
  isGenericEditable?: boolean;
}

/** A named check that blocks `action` on documents of `docType` ('*' for every type). */
export interface GuardDeclaration {
  docType: string;
  action: DocumentAction;
  name: string;
  fn: ApprovalGuard;
}

/** Runs on every transition of `docType` ('*' for every type), in declaration order. */
export interface HookDeclaration {
  docType: string;
  fn: TransitionHook;
}

export interface InboxItem {
  /** e.g. 'approval.pending', 'distribution.unacknowledged', 'leave.pending' */
  kind: string;
  /** What the inbox shows for the kind, in words (the code stays in the API). */
  tag: Text;
  id: string;
  title: Text;
  link: string;
  /** ISO time since when it waits. */
  since: string;
  /** ISO date or time it is due, when there is a deadline. */
  due?: string;
}

export type InboxSource = (db: Db, actor: Actor) => Promise<InboxItem[]>;

export interface InboxSourceDeclaration {
  name: string;
  find: InboxSource;
}

/** Everything the engine looks up by document type, composed once from the declarations. */
export interface Workflows {
  documentType(docType: string): DocumentTypeInfo;
  documentTypes(): readonly DocumentTypeInfo[];
  guards(docType: string, action: DocumentAction): readonly GuardDeclaration[];
  hooks(docType: string): readonly TransitionHook[];
  inboxSources(): readonly InboxSourceDeclaration[];
}

export interface WorkflowDeclarations {
  documentTypes: readonly DocumentTypeInfo[];
  guards: readonly GuardDeclaration[];
  hooks: readonly HookDeclaration[];
  inboxSources: readonly InboxSourceDeclaration[];
}

const GENERAL: DocumentTypeInfo = { docType: 'general', label: { zh: '通用文件', en: 'General document' }, numberPrefix: 'WJ', isGenericEditable: true };

/** One lookup over every module's declarations; a type declared twice is a programming error. */
export function composeWorkflows(declared: WorkflowDeclarations): Workflows {
  const types = new Map<string, DocumentTypeInfo>([[GENERAL.docType, GENERAL]]);
  for (const t of declared.documentTypes) {
    if (types.has(t.docType)) throw new Error(`document type ${t.docType} is declared twice`);
    types.set(t.docType, t);
  }
  const sources = new Map<string, InboxSourceDeclaration>();
  for (const s of declared.inboxSources) {
    if (sources.has(s.name)) throw new Error(`inbox source ${s.name} is declared twice`);
    sources.set(s.name, s);
  }
  const matches = (declaredType: string, docType: string) => declaredType === docType || declaredType === '*';
  return {
    documentType: (docType) => types.get(docType) ?? { docType, label: { zh: docType, en: docType }, numberPrefix: 'WJ' },
    documentTypes: () => [...types.values()],
    guards: (docType, action) => declared.guards.filter((g) => matches(g.docType, docType) && g.action === action),
    hooks: (docType) => declared.hooks.filter((h) => matches(h.docType, docType)).map((h) => h.fn),
    inboxSources: () => [...sources.values()],
  };
}

export const documentLink = (workflows: Workflows, doc: { id: string; docType: string }): string =>
  workflows.documentType(doc.docType).link?.(doc.id) ?? `/documents/${doc.id}`;
