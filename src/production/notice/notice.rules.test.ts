import { describe, expect, it } from 'vitest';
import { missingNoticeFields, normaliseNoticeNumber } from './notice.rules';

describe('production notices (T3 第六条、第十条)', () => {
  it('PP-13 a notice needs quantity, specification, quality and packaging requirements and a due date', () => {
    const ok = { qty: 100, spec: '500ml×6', qualityRequirements: 'GB/T 10781.1', packagingRequirements: '纸箱', dueOn: '2026-04-10' };
    expect(missingNoticeFields(ok, '2026-04-01')).toEqual([]);
    expect(missingNoticeFields({ ...ok, qty: 0, qualityRequirements: ' ', dueOn: '2026-03-01' }, '2026-04-01').map((m) => m.field)).toEqual([
      'qty',
      'qualityRequirements',
      'dueOn',
    ]);
  });

  it('PP-13 finds a notice number however it was typed', () => {
    expect(normaliseNoticeNumber(' sctz-2026-０００７ ')).toBe('SCTZ-2026-0007');
  });
});
