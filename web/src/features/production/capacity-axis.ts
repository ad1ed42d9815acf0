// Issue 14 item 12: week labels of the capacity heat map ("第1周 03-02~03-08") must not run
// into each other on a 390 px phone. Pure: sizes are estimated, so it runs without a canvas.

export interface AxisLayout {
  /** Degrees the labels turn; 0 keeps them level. */
  rotate: number;
  /** True when a label breaks at its space into two lines ("第1周" over the dates). */
  isTwoLines: boolean;
  /** Grid space below the plot the labels take, px. */
  height: number;
}

const FONT = 12;
/** Rough width of a text at 12 px: CJK glyphs are square, Latin ones about 0.6 em. */
export const textWidth = (s: string) => [...s].reduce((w, ch) => w + (/[\u2E80-\uFFFF]/.test(ch) ? FONT : FONT * 0.6), 0);

export function heatmapAxisLayout(labels: readonly string[], plotWidth: number): AxisLayout {
  const column = labels.length ? plotWidth / labels.length : plotWidth;
  const room = column - 6;
  const widest = Math.max(0, ...labels.map(textWidth));
  if (widest <= room) return { rotate: 0, isTwoLines: false, height: FONT + 10 };
  const widestLine = Math.max(0, ...labels.flatMap((l) => l.split(' ')).map(textWidth));
  if (widestLine <= room) return { rotate: 0, isTwoLines: true, height: 2 * (FONT + 4) + 8 };
  // Turned labels stand one line-height apart; at 45° they need about 1.5 line heights per column.
  const rotate = column >= FONT * 1.5 * 1.42 ? 45 : 90;
  const along = rotate === 45 ? widest * 0.71 + FONT : widest;
  return { rotate, isTwoLines: false, height: Math.ceil(along) + 10 };
}
