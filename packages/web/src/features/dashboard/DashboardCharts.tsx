import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** A value axis of shares: 0 % to 100 % in quarters, so a phone's narrow chart still reads every label. */
const PERCENT_AXIS = {
  type: "value",
  min: 0,
  max: 1,
  interval: 0.25,
  axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
} as const;

export type Slice = { name: string; value: number; color: string };
export type Bar = { name: string; value: number };

/** One ECharts instance bound to a div, resized with it and disposed with it. */
function useChart(option: echarts.EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef(option);
  latest.current = option;
  // Drawn again only when the data changes, not on every render of the page around it.
  const key = JSON.stringify(option);
  useEffect(() => {
    const element = ref.current;
    if (!element || !key) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    chart.setOption(latest.current);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [key]);
  return ref;
}

/** A doughnut of counts (health, scores), with its numbers spelled out for screen readers. */
export function DonutChart({ slices, label, testId }: { slices: Slice[]; label: string; testId: string }) {
  const ref = useChart({
    animation: false,
    tooltip: { trigger: "item" },
    // Every category stays in the legend (with its colour); empty ones draw no slice and no stray "0".
    legend: { bottom: 0, type: "scroll", data: slices.map((s) => s.name) },
    color: slices.map((s) => s.color),
    series: [
      {
        type: "pie",
        radius: ["42%", "70%"],
        center: ["50%", "44%"],
        label: { show: true, position: "inside", formatter: "{c}", color: "#fff", fontWeight: "bold" },
        data: slices
          .filter((s) => s.value > 0)
          .map((s) => ({ name: s.name, value: s.value, itemStyle: { color: s.color } })),
      },
    ],
  });
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: "100%", height: 260 }}
    />
  );
}

/** Horizontal bars of progress (0–1) per department. */
export function ProgressBars({ bars, label, testId }: { bars: Bar[]; label: string; testId: string }) {
  const ref = useChart({
    animation: false,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (typeof v === "number" ? `${Math.round(v * 100)}%` : String(v)),
    },
    xAxis: PERCENT_AXIS,
    yAxis: {
      type: "category",
      inverse: true,
      data: bars.map((b) => b.name),
      axisLabel: { width: 110, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        data: bars.map((b) => b.value),
        itemStyle: { color: "#1668dc" },
        barMaxWidth: 22,
        label: {
          show: true,
          position: "right",
          formatter: (p: { value: number }) => `${Math.round(p.value * 100)}%`,
        },
      },
    ],
  });
  const height = Math.max(120, bars.length * 36 + 24);
  return (
    <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ width: "100%", height }} />
  );
}

export type Point = { name: string; value: number };

/** A line of shares (0–1) over time: the weekly check-in rate. */
export function RateLine({ points, label, testId }: { points: Point[]; label: string; testId: string }) {
  const ref = useChart({
    animation: false,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (typeof v === "number" ? `${Math.round(v * 100)}%` : String(v)),
    },
    xAxis: { type: "category", data: points.map((p) => p.name), axisLabel: { hideOverlap: true } },
    yAxis: PERCENT_AXIS,
    series: [{ type: "line", data: points.map((p) => p.value), symbolSize: 6, areaStyle: { opacity: 0.08 } }],
  });
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: "100%", height: 220 }}
    />
  );
}
