import { describe, expect, it } from 'vitest';
import { normaliseItems, readableDiff } from './process-doc.rules';
import { checklistItemsFor, dueWorkshops, evaluateChecklist, isOverdue, rectificationRights } from './shopfloor.rules';

const items = [
  { id: 'a', text: '消防通道畅通' },
  { id: 'b', text: '设备防护罩完好' },
];

describe('safety checklist (PP-20, T4 第四十一条)', () => {
  it('PP-20 every item is answered once; a problem says what is wrong and opens a rectification', () => {
    const r = evaluateChecklist(items, [
      { itemId: 'a', ok: true, note: '', cannotFix: false },
      { itemId: 'b', ok: false, note: ' 2 号线防护罩松动 ', cannotFix: true, ownerUserId: 'u1', dueOn: '2026-04-09' },
    ]);
    expect(r.issues).toEqual([]);
    expect(r.results).toEqual([
      { itemId: 'a', text: '消防通道畅通', ok: true, note: '' },
      { itemId: 'b', text: '设备防护罩完好', ok: false, note: '2 号线防护罩松动' },
    ]);
    expect(r.problems).toEqual([expect.objectContaining({ itemId: 'b', note: '2 号线防护罩松动', cannotFix: true, ownerUserId: 'u1', dueOn: '2026-04-09' })]);
  });

  it('PP-20 a missing item, an item from elsewhere, a repeat and a problem without a note are named', () => {
    const r = evaluateChecklist(items, [
      { itemId: 'x', ok: true, note: '', cannotFix: false },
      { itemId: 'a', ok: false, note: '', cannotFix: false },
      { itemId: 'a', ok: true, note: '', cannotFix: false },
    ]);
    expect(r.issues.map((i) => i.field)).toEqual(['results[0].itemId', 'results[1].note', 'results[2].itemId', 'results']);
    expect(r.issues[3].zh).toBe('还有 1 项未检查：设备防护罩完好');
  });

  it('PP-20 a workshop’s list holds its own items first, then the plant-wide ones; retired items drop out', () => {
    const all = [
      { id: '1', workshopId: null, isActive: true, sort: 1, text: '全厂 1' },
      { id: '2', workshopId: 'fill', isActive: true, sort: 2, text: '灌装 2' },
      { id: '3', workshopId: 'pack', isActive: true, sort: 0, text: '包装' },
      { id: '4', workshopId: 'fill', isActive: false, sort: 0, text: '停用' },
    ];
    expect(checklistItemsFor(all, 'fill').map((i) => i.id)).toEqual(['2', '1']);
  });

  it('PP-20 a workshop working today without a checklist is due; a rest day is not', () => {
    const due = dueWorkshops(
      [
        { id: 'fill', name: '灌装车间', isWorkingDay: true },
        { id: 'pack', name: '包装车间', isWorkingDay: true },
        { id: 'brew', name: '酿造车间', isWorkingDay: false },
      ],
      [{ workshopId: 'fill', checkedByName: '吴班长' }],
    );
    expect(due.map((d) => [d.name, d.isDue, d.checkedBy])).toEqual([
      ['灌装车间', false, ['吴班长']],
      ['包装车间', true, []],
      ['酿造车间', false, []],
    ]);
  });
});

describe('rectifications (PP-20)', () => {
  const open = { state: 'open' as const, ownerUserId: 'owner' };
  it('PP-20 the workshop or the owner closes or escalates its own; once escalated only production closes it', () => {
    expect(rectificationRights(open, { userId: 'x', isProduction: false, isWorkshopMember: true })).toEqual({ canClose: true, canEscalate: true });
    expect(rectificationRights(open, { userId: 'owner', isProduction: false, isWorkshopMember: false })).toEqual({ canClose: true, canEscalate: true });
    expect(rectificationRights(open, { userId: 'x', isProduction: false, isWorkshopMember: false })).toEqual({ canClose: false, canEscalate: false });
    const escalated = { ...open, state: 'escalated' as const };
    expect(rectificationRights(escalated, { userId: 'owner', isProduction: false, isWorkshopMember: true })).toEqual({ canClose: false, canEscalate: false });
    expect(rectificationRights(escalated, { userId: 'head', isProduction: true, isWorkshopMember: false })).toEqual({ canClose: true, canEscalate: false });
  });

  it('PP-20 past its due day an unclosed rectification is overdue', () => {
    expect(isOverdue({ state: 'open', dueOn: '2026-04-07' }, '2026-04-08')).toBe(true);
    expect(isOverdue({ state: 'open', dueOn: '2026-04-08' }, '2026-04-08')).toBe(false);
    expect(isOverdue({ state: 'done', dueOn: '2026-04-01' }, '2026-04-08')).toBe(false);
  });
});

describe('process documents (PP-20, T4 第四十三条)', () => {
  it('PP-20 items keep their keys; new ones get the next free key; an empty title is named', () => {
    const r = normaliseItems([
      { key: 'k2', title: ' 灌装温度 ', requirement: '15–18℃' },
      { title: '压盖扭矩', requirement: '1.2 N·m' },
      { key: 'k2', title: '', requirement: '' },
    ]);
    expect(r.items.map((i) => i.key)).toEqual(['k2', 'k3', 'k4']);
    expect(r.items[0].title).toBe('灌装温度');
    expect(r.issues).toEqual([expect.objectContaining({ field: 'items[2].title' })]);
    expect(normaliseItems([]).issues[0].field).toBe('items');
  });

  it('PP-20 a revision’s diff names the item and the field that changed', () => {
    const body = (requirement: string, extra: { key: string; title: string; requirement: string }[] = []) => ({
      category: 'procedure' as const,
      workshopId: null,
      scope: '灌装线',
      items: [{ key: 'k1', title: '灌装温度', requirement }, ...extra],
    });
    const diff = readableDiff(
      { title: '灌装操作规程', body: body('15–18℃') },
      { title: '灌装操作规程', body: body('14–17℃', [{ key: 'k2', title: '压盖扭矩', requirement: '1.2 N·m' }]) },
    );
    expect(diff).toEqual([
      { label: { zh: '条目「灌装温度」· 要求', en: 'Item “灌装温度” · Requirement' }, kind: 'changed', before: '15–18℃', after: '14–17℃' },
      { label: { zh: '条目「压盖扭矩」', en: 'Item “压盖扭矩”' }, kind: 'added', before: '', after: '压盖扭矩：1.2 N·m' },
    ]);
  });
});
