import { describe, expect, it } from 'vitest';
import { wouldCycle } from './department.rules';

describe('departments move without cycles (issue 15 item 10, CORE-2)', () => {
  it('issue 15 item 10: wouldCycle refuses a parent that is the department itself or below it', () => {
    const all = [
      { id: 'a', parentId: null },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'b' },
    ];
    expect(wouldCycle(all, 'a', 'a')).toBe(true);
    expect(wouldCycle(all, 'a', 'c')).toBe(true);
    expect(wouldCycle(all, 'c', 'a')).toBe(false);
  });
});
