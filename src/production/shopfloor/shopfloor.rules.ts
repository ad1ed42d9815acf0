import type { CheckResult, RectificationState } from './shopfloor.contract';

// PP-20 (T4 第三十七、三十九、四十一条): the daily safety checklist, who has not done it
// today, and who may close or escalate a rectification. Pure.

export interface FieldIssue {
  field: string;
  zh: string;
  en: string;
}

export interface ChecklistAnswer {
  itemId: string;
  ok: boolean;
  note: string;
  ownerUserId?: string | null;
  dueOn?: string | null;
  cannotFix: boolean;
}

export interface ChecklistProblem extends CheckResult {
  ownerUserId: string | null;
  dueOn: string | null;
  cannotFix: boolean;
}

/**
 * Every item of the workshop's list is answered once, ok or a problem; a problem says what is
 * wrong. Returns the results to keep and the problems that open rectifications.
 */
export function evaluateChecklist(items: readonly { id: string; text: string }[], answers: readonly ChecklistAnswer[]) {
  const issues: FieldIssue[] = [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    if (!byId.has(a.itemId)) issues.push({ field: `results[${i}].itemId`, zh: '检查项不属于本车间的检查表', en: 'not an item of this workshop’s checklist' });
    else if (seen.has(a.itemId)) issues.push({ field: `results[${i}].itemId`, zh: '检查项重复', en: 'item answered twice' });
    seen.add(a.itemId);
    if (!a.ok && a.note.trim().length < 2) issues.push({ field: `results[${i}].note`, zh: '发现问题请写明情况', en: 'describe the problem' });
  });
  const missing = items.filter((i) => !seen.has(i.id));
  if (missing.length)
    issues.push({
      field: 'results',
      zh: `还有 ${missing.length} 项未检查：${missing.map((m) => m.text).join('、')}`,
      en: `${missing.length} items not checked`,
    });
  const results: CheckResult[] = answers
    .filter((a) => byId.has(a.itemId))
    .map((a) => ({ itemId: a.itemId, text: byId.get(a.itemId)!.text, ok: a.ok, note: a.note.trim() }));
  const problems: ChecklistProblem[] = answers
    .filter((a) => !a.ok && byId.has(a.itemId))
    .map((a) => ({
      itemId: a.itemId,
      text: byId.get(a.itemId)!.text,
      ok: false,
      note: a.note.trim(),
      ownerUserId: a.ownerUserId ?? null,
      dueOn: a.dueOn ?? null,
      cannotFix: a.cannotFix,
    }));
  return { issues, results, problems };
}

/** The items a workshop's checklist holds: its own, then those for every workshop, in order. */
export function checklistItemsFor<T extends { workshopId: string | null; isActive: boolean; sort: number; text: string }>(
  items: readonly T[],
  workshopId: string,
): T[] {
  return items
    .filter((i) => i.isActive && (i.workshopId === null || i.workshopId === workshopId))
    .sort((a, b) => Number(a.workshopId === null) - Number(b.workshopId === null) || a.sort - b.sort || a.text.localeCompare(b.text, 'zh'));
}

/** T4 第四十一条 每天: a workshop working today with no checklist yet is due. */
export function dueWorkshops(
  workshops: readonly { id: string; name: string; isWorkingDay: boolean }[],
  checks: readonly { workshopId: string; checkedByName: string }[],
) {
  return workshops.map((w) => {
    const checkedBy = checks.filter((c) => c.workshopId === w.id).map((c) => c.checkedByName);
    return { workshopId: w.id, name: w.name, isWorkingDay: w.isWorkingDay, checkedBy, isDue: w.isWorkingDay && checkedBy.length === 0 };
  });
}

export const isOverdue = (r: { state: RectificationState; dueOn: string }, today: string): boolean => r.state !== 'done' && r.dueOn < today;

export interface Viewer {
  userId: string;
  isProduction: boolean;
  /** A person of the rectification's workshop who keeps shop-floor records. */
  isWorkshopMember: boolean;
}

/**
 * The workshop (or the owner) closes its own problems, and escalates one it cannot fix
 * (本车间无法整改的应立即上报); the production department closes any, escalated ones included.
 */
export function rectificationRights(r: { state: RectificationState; ownerUserId: string }, v: Viewer) {
  const isOwnSide = v.isWorkshopMember || r.ownerUserId === v.userId;
  return {
    canClose: r.state !== 'done' && (v.isProduction || (r.state === 'open' && isOwnSide)),
    canEscalate: r.state === 'open' && isOwnSide,
  };
}
