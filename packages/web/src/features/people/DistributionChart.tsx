import type { TeamInsights } from "@luodi/client";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { OBJECTIVE_KIND_KEYS } from "../../components/labels.ts";
import { BUCKET_LABELS, BUCKETS } from "./insights-model.ts";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const KIND_COLORS = { committed: "#d4380d", aspirational: "#d48806" } as const;

/**
 * How many scored objectives of each kind fall in each score bucket (ECharts, loaded only with this
 * component): committed ones should pile up at the top, aspirational ones around 0.6–0.7.
 */
export default function DistributionChart({
  distribution,
  scale,
}: {
  distribution: TeamInsights["distribution"];
  scale: "0-1" | "0-100";
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    const kinds = ["committed", "aspirational"] as const;
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: kinds.map((k) => t(OBJECTIVE_KIND_KEYS[k])) },
      tooltip: { trigger: "axis" },
      xAxis: {
        type: "category",
        data: BUCKETS.map((b) => BUCKET_LABELS[scale][b]),
        axisLabel: { interval: 0, fontSize: 11 },
      },
      yAxis: { type: "value", minInterval: 1 },
      series: kinds.map((k) => ({
        name: t(OBJECTIVE_KIND_KEYS[k]),
        type: "bar",
        itemStyle: { color: KIND_COLORS[k] },
        label: { show: true, position: "top", formatter: (p: { value: number }) => (p.value ? p.value : "") },
        data: BUCKETS.map((b) => distribution[k][b] ?? 0),
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [distribution, scale, t]);

  const count = (kind: "committed" | "aspirational") =>
    BUCKETS.reduce((sum, b) => sum + (distribution[kind][b] ?? 0), 0);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={t("talent.insights.distributionLabel", {
        committed: count("committed"),
        aspirational: count("aspirational"),
      })}
      data-testid="insights-distribution"
      style={{ width: "100%", height: 260 }}
    />
  );
}
