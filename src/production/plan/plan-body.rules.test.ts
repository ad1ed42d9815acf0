import { describe, expect, it } from 'vitest';
import { planDocumentBody } from './plan-body.rules';

describe('the generated plan text (issue 14 item 12)', () => {
  it('issue 14 item 12: the plan text is generated in Chinese and English, so the language switch can follow it', () => {
    const body = planDocumentBody(
      { title: '2026年3月生产计划', periodStart: '2026-03-01', periodEnd: '2026-03-31' },
      [{ itemId: 'a', total: 6000, forecastQty: 6500 }],
      { a: { code: 'CP-001', name: '干红', spec: '750ml', unit: '瓶' } },
      null,
      [],
    );
    expect(body.content).toContain('品种 1 个，计划总量 6,000。');
    expect(body.contentEn).toContain('1 products, 6,000 planned in total.');
    expect(body.contentEn).toContain('Capacity analysis (T4 art. 19): every workshop within capacity');
    expect(body.contentEn).not.toMatch(/计划总量|产能分析|预估/);
    expect(body.lines).toEqual([{ key: 'CP-001 干红（750ml）', value: '6,000 瓶，预估 6,500', valueEn: '6,000 瓶, forecast 6,500' }]);
  });
});
