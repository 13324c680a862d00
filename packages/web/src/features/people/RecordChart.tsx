import { LineChart } from "echarts/charts";
import { GridComponent, MarkAreaComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatScore } from "./score-format.ts";

echarts.use([LineChart, GridComponent, MarkAreaComponent, TooltipComponent, SVGRenderer]);

/**
 * A person's average score cycle after cycle (ECharts, loaded only with this component), with the band where
 * an aspirational objective succeeds (0.6–0.7) drawn behind: a line that hugs 1.0 or stays below 0.3 tells.
 */
export default function RecordChart({
  points,
  scale,
}: {
  points: ReadonlyArray<{ name: string; score: number }>;
  scale: "0-1" | "0-100";
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: "axis",
        valueFormatter: (value: unknown) => (typeof value === "number" ? formatScore(value, scale) : "—"),
      },
      xAxis: {
        type: "category",
        data: points.map((p) => p.name),
        axisLabel: { hideOverlap: true },
      },
      yAxis: {
        type: "value",
        min: 0,
        max: 1,
        interval: 0.25,
        axisLabel: { formatter: (value: number) => formatScore(value, scale) },
      },
      series: [
        {
          name: t("talent.record.averageScore"),
          type: "line",
          data: points.map((p) => p.score),
          symbolSize: 8,
          lineStyle: { width: 2.5 },
          markArea: {
            silent: true,
            itemStyle: { color: "rgba(82, 196, 26, 0.12)" },
            label: { show: true, position: "insideTopLeft", color: "#389e0d", fontSize: 11 },
            data: [[{ yAxis: 0.6, name: t("talent.record.successBand") }, { yAxis: 0.7 }]],
          },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
    // The caller keeps `points` stable: drawn again only when they, the scale or the language change.
  }, [points, scale, t]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={t("talent.record.chartLabel", {
        scores: points.map((p) => `${p.name} ${formatScore(p.score, scale)}`).join(", "),
      })}
      data-testid="record-chart"
      style={{ width: "100%", height: 220 }}
    />
  );
}
