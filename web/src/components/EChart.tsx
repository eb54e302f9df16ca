import { useEffect, useRef } from "react";
import { Empty } from "antd";
import * as echarts from "echarts/core";
import { BarChart, LineChart, PieChart, ScatterChart } from "echarts/charts";
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption, ScatterSeriesOption } from "echarts/charts";
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type DataZoomComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

// Only what the pages draw, so the bundle carries a fraction of echarts.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | DataZoomComponentOption
>;

/** Tooltips are HTML: anything from the server goes in escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

interface EChartProps {
  option: ChartOption;
  /** No data to draw: an empty state instead of bare axes. */
  empty: boolean;
  height?: number;
  testId: string;
}

export function EChart({ option, empty, height = 300, testId }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const element = container.current;
    if (element === null || empty) return;
    const instance = echarts.init(element, undefined, { renderer: "canvas" });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [empty]);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option, empty]);
  if (empty) {
    return (
      <div data-testid={testId} data-empty="true" style={{ height, display: "grid", placeItems: "center" }}>
        <Empty description="暂无数据" />
      </div>
    );
  }
  return <div ref={container} data-testid={testId} style={{ height, width: "100%" }} />;
}
