import { BarChart, type BarSeriesOption, HeatmapChart, type HeatmapSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
  VisualMapComponent,
  type VisualMapComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECElementEvent, type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the app draws: bars, lines and heatmaps on a grid, with tooltips, legends,
// colour scales and mark lines. A new kind of chart is registered here, once.
use([BarChart, LineChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, MarkLineComponent, CanvasRenderer]);

/** The options a chart may use: anything else is not registered and would not draw. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | VisualMapComponentOption
  | MarkLineComponentOption
>;

/** The app's one chart: an ECharts instance per element, resized with its container, disposed on unmount. */
export function EChart({
  option,
  height = 320,
  testId,
  onClick,
}: {
  option: ChartOption;
  height?: number;
  testId?: string;
  onClick?: (params: ECElementEvent) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    chart.current = init(ref.current);
    // The container's width settles after layout (cards, tabs, drawers): follow it, not just the window.
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    c.on('click', onClick);
    return () => {
      c.off('click', onClick);
    };
  }, [onClick]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
