import { type DocumentState, STATE_LABELS } from '#core/approval';

/**
 * The approval engine's state words as a plant says them of its plans (T4): a draft is
 * 编制中 and an issued plan 已下达; the other states keep the engine's words.
 */
export const PLAN_DOCUMENT_STATE_ZH: Record<DocumentState, string> = {
  ...(Object.fromEntries(Object.entries(STATE_LABELS).map(([state, label]) => [state, label.zh])) as Record<DocumentState, string>),
  draft: '编制中',
  issued: '已下达',
};
