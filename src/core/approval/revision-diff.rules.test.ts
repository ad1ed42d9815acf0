import { describe, expect, it } from 'vitest';
import { diffRevisions } from './revision-diff.rules';

describe('diffRevisions', () => {
  it('CORE-4 reports nothing for equal revisions', () => {
    const r = { title: '计划', body: { lines: [{ id: 'a', qty: 1 }], content: 'x' } };
    expect(diffRevisions(r, structuredClone(r))).toEqual([]);
  });

  it('CORE-4 names changed, added and removed fields with their Chinese labels', () => {
    const d = diffRevisions({ title: '三月计划', body: { content: '旧', note: '删' } }, { title: '三月计划（调整）', body: { content: '旧', extra: 1 } });
    expect(d).toEqual([
      { path: 'title', labelZh: '标题', before: '三月计划', after: '三月计划（调整）', kind: 'changed' },
      { path: 'body.note', labelZh: '备注', before: '删', after: undefined, kind: 'removed' },
      { path: 'body.extra', before: undefined, after: 1, kind: 'added' },
    ]);
  });

  it('CORE-4 matches lines by id, so an inserted line is one addition, not a cascade of changes', () => {
    const before = {
      lines: [
        { id: 'a', product: '白酒', quantity: 100 },
        { id: 'b', product: '果酒', quantity: 50 },
      ],
    };
    const after = {
      lines: [
        { id: 'n', product: '米酒', quantity: 10 },
        { id: 'a', product: '白酒', quantity: 120 },
        { id: 'b', product: '果酒', quantity: 50 },
      ],
    };
    expect(diffRevisions(before, after)).toEqual([
      { path: 'lines[a].quantity', labelZh: '数量', before: 100, after: 120, kind: 'changed' },
      { path: 'lines[n]', labelZh: '条目', before: undefined, after: { id: 'n', product: '米酒', quantity: 10 }, kind: 'added' },
    ]);
  });

  it('CORE-4 matches key/value lines by key and reports a removed line', () => {
    const d = diffRevisions(
      {
        lines: [
          { key: '产量', value: '100' },
          { key: '班次', value: '2' },
        ],
      },
      { lines: [{ key: '产量', value: '90' }] },
    );
    expect(d.map((e) => [e.path, e.kind])).toEqual([
      ['lines[产量].value', 'changed'],
      ['lines[班次]', 'removed'],
    ]);
  });

  it('CORE-4 falls back to positions for arrays without ids', () => {
    expect(diffRevisions({ tags: ['a', 'b'] }, { tags: ['a', 'c', 'd'] })).toEqual([
      { path: 'tags[1]', before: 'b', after: 'c', kind: 'changed' },
      { path: 'tags[2]', before: undefined, after: 'd', kind: 'added' },
    ]);
  });

  it('CORE-4 reports a change of type as a change of the whole value', () => {
    expect(diffRevisions({ a: { x: 1 } }, { a: [1] })).toEqual([{ path: 'a', before: { x: 1 }, after: [1], kind: 'changed' }]);
  });
});
