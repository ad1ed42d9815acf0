import type { Actor } from '../access';
import type { Db } from '../db';
import type { DocumentAction, DocumentState } from './approval.rules';
import type { DocumentRow } from './approval.schema';

// Extension points for other modules, filled once at import time (a module registers
// its document types, guards, hooks and inbox sources in its own index.ts).

export type Text = { zh: string; en: string };

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

const documentTypes = new Map<string, DocumentTypeInfo>();

export function registerDocumentType(info: DocumentTypeInfo): void {
  documentTypes.set(info.docType, info);
}

export function findDocumentTypes(): DocumentTypeInfo[] {
  return [...documentTypes.values()];
}

export function getDocumentType(docType: string): DocumentTypeInfo {
  return documentTypes.get(docType) ?? { docType, label: { zh: docType, en: docType }, numberPrefix: 'WJ' };
}

export const documentLink = (doc: { id: string; docType: string }): string =>
  getDocumentType(doc.docType).link?.(doc.id) ?? `/documents/${doc.id}`;

registerDocumentType({ docType: 'general', label: { zh: '通用文件', en: 'General document' }, numberPrefix: 'WJ', isGenericEditable: true });
registerDocumentType({ docType: 'production.sales_plan', label: { zh: '销售计划', en: 'Sales plan' }, numberPrefix: 'XSJH' });
registerDocumentType({ docType: 'production.annual_plan', label: { zh: '年度生产计划', en: 'Annual production plan' }, numberPrefix: 'NJH' });
registerDocumentType({ docType: 'production.monthly_plan', label: { zh: '月度生产计划', en: 'Monthly production plan' }, numberPrefix: 'YJH' });
registerDocumentType({ docType: 'training.plan', label: { zh: '校本培训计划', en: 'Training plan' }, numberPrefix: 'PXJH' });

/** Returns null to let the transition pass, or the reason it is blocked. */
export type ApprovalGuard = (db: Db, actor: Actor, doc: DocumentRow) => Promise<null | Text>;

interface GuardEntry {
  docType: string;
  action: DocumentAction;
  name: string;
  fn: ApprovalGuard;
}

const guards: GuardEntry[] = [];

/** Blocks `action` on documents of `docType` ('*' for all) while `fn` gives a reason. */
export function registerApprovalGuard(docType: string, action: DocumentAction, name: string, fn: ApprovalGuard): void {
  const i = guards.findIndex((g) => g.docType === docType && g.action === action && g.name === name);
  if (i >= 0) guards.splice(i, 1);
  guards.push({ docType, action, name, fn });
}

export function findApprovalGuards(docType: string, action: DocumentAction): { name: string; fn: ApprovalGuard }[] {
  return guards.filter((g) => (g.docType === docType || g.docType === '*') && g.action === action);
}

export interface TransitionEvent {
  /** The document after the transition. */
  document: DocumentRow;
  action: DocumentAction;
  from: DocumentState;
  to: DocumentState;
  opinion: string | null;
}

/** Runs inside the transaction of the transition: a throw rolls the transition back. */
export type TransitionHook = (tx: Db, actor: Actor, event: TransitionEvent) => Promise<void>;

const hooks: { docType: string; fn: TransitionHook }[] = [];

export function onDocumentTransition(docType: string, fn: TransitionHook): void {
  if (!hooks.some((h) => h.docType === docType && h.fn === fn)) hooks.push({ docType, fn });
}

export function findTransitionHooks(docType: string): TransitionHook[] {
  return hooks.filter((h) => h.docType === docType || h.docType === '*').map((h) => h.fn);
}

export interface InboxItem {
  /** e.g. 'approval.pending', 'distribution.unacknowledged', 'leave.pending' */
  kind: string;
  id: string;
  title: Text;
  link: string;
  /** ISO time since when it waits. */
  since: string;
  /** ISO date or time it is due, when there is a deadline. */
  due?: string;
}

export type InboxSource = (db: Db, actor: Actor) => Promise<InboxItem[]>;

const inboxSources = new Map<string, InboxSource>();

export function registerInboxSource(name: string, fn: InboxSource): void {
  inboxSources.set(name, fn);
}

export function findInboxSources(): [string, InboxSource][] {
  return [...inboxSources.entries()];
}
