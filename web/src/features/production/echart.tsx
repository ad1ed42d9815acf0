import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

/** One ECharts instance per element, resized with its container, disposed on unmount. */
export function EChart({ option, height = 320, testId, onClick }: { option: echarts.EChartsOption; height?: number; testId?: string; onClick?: (params: echarts.ECElementEvent) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current);
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
