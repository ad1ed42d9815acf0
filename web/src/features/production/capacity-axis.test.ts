import { describe, expect, it } from 'vitest';
import { heatmapAxisLayout, textWidth } from './capacity-axis';

// Issue 16 (component tests) for issue 14 item 12: capacity heat map week labels never overlap on a phone.
const weeks = (n: number) =>
  Array.from({ length: n }, (_, i) => `第${i + 1}周 03-${String(2 + 7 * i).padStart(2, '0')}~03-${String(8 + 7 * i).padStart(2, '0')}`);

describe('capacity heat map axis layout (capacity-axis.ts)', () => {
  it('issue 16: estimates CJK glyphs as square and Latin characters as 0.6 em at 12 px', () => {
    expect(textWidth('第1周')).toBeCloseTo(12 + 7.2 + 12);
    expect(textWidth('03-02')).toBeCloseTo(5 * 7.2);
    expect(textWidth('')).toBe(0);
  });

  it('issue 16: keeps labels level on one line when every column has room (laptop)', () => {
    expect(heatmapAxisLayout(weeks(4), 1200)).toEqual({ rotate: 0, isTwoLines: false, height: 22 });
  });

  it('issue 16: breaks labels at the space into two lines when one line does not fit but each half does', () => {
    const labels = weeks(4);
    const widest = Math.max(...labels.map(textWidth));
    // Columns a little narrower than the whole label, wider than "03-02~03-08".
    const layout = heatmapAxisLayout(labels, 4 * (widest - 10));
    expect(layout).toEqual({ rotate: 0, isTwoLines: true, height: 40 });
  });

  it('issue 16: turns labels 45° on a 390 px phone with five weeks, 90° when columns are narrower than 1.5 line heights', () => {
    const five = heatmapAxisLayout(weeks(5), 330);
    expect(five.rotate).toBe(45);
    expect(five.isTwoLines).toBe(false);
    expect(five.height).toBeGreaterThan(22);
    const many = heatmapAxisLayout(weeks(20), 330);
    expect(many.rotate).toBe(90);
    expect(many.height).toBe(Math.ceil(Math.max(...weeks(20).map(textWidth))) + 10);
  });

  it('issue 16: an empty axis needs one line and no turn', () => {
    expect(heatmapAxisLayout([], 300)).toEqual({ rotate: 0, isTwoLines: false, height: 22 });
  });
});
