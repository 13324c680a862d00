import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatPercent, formatShortDate } from "../../lib/format.ts";
import type { ProgressSeries } from "./chart-data.ts";

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Progress over time against the ideal line (ECharts, loaded only with this component). */
export default function ProgressChart({ series }: { series: ProgressSeries }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    const language = i18n.language;
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      legend: { top: 0, data: [t("chart.actual"), t("chart.ideal")] },
      tooltip: {
        trigger: "axis",
        valueFormatter: (value: unknown) =>
          typeof value === "number" ? formatPercent(value) : String(value),
      },
      xAxis: {
        type: "time",
        min: series.cycleStart,
        max: series.cycleEnd,
        axisLabel: { hideOverlap: true, formatter: (value: number) => formatShortDate(value, language) },
      },
      yAxis: {
        type: "value",
        min: 0,
        max: (extent: { max: number }) => Math.max(1, Math.ceil(extent.max * 10) / 10),
        axisLabel: { formatter: (value: number) => formatPercent(value) },
      },
      series: [
        {
          name: t("chart.actual"),
          type: "line",
          step: "end",
          data: series.actual,
          symbolSize: 6,
          lineStyle: { width: 2.5 },
          itemStyle: { color: "#1668dc" },
          areaStyle: { opacity: 0.08 },
        },
        {
          name: t("chart.ideal"),
          type: "line",
          data: series.ideal,
          symbol: "none",
          lineStyle: { type: "dashed", color: "#8c8c8c" },
          itemStyle: { color: "#8c8c8c" },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [series, t, i18n.language]);

  const last = series.actual[series.actual.length - 1];
  return (
    <div
      ref={ref}
      role="img"
      aria-label={t("chart.summary", { percent: formatPercent(last?.[1] ?? 0) })}
      data-testid="progress-chart"
      style={{ width: "100%", height: 260 }}
    />
  );
}
