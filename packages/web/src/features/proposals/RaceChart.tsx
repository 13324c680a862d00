import type { Race } from "@luodi/client";
import { LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatPercent, formatShortDate } from "../../lib/format.ts";
import { raceLines } from "./board-model.ts";

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/**
 * Each horse's progress over time, one line per proposal, over the cycle when it is known (ECharts, loaded
 * only with this component).
 */
export default function RaceChart({
  race,
  span,
}: {
  race: Race;
  span: { start: number; end: number } | null;
}) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const lines = useMemo(() => raceLines(race, span, Date.now()), [race, span]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    const language = i18n.language;
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 16, top: 48, bottom: 32 },
      legend: { top: 0, type: "scroll", data: lines.map((line) => line.name) },
      tooltip: {
        trigger: "axis",
        valueFormatter: (value: unknown) =>
          typeof value === "number" ? formatPercent(value) : String(value),
      },
      xAxis: {
        type: "time",
        ...(span ? { min: span.start, max: span.end } : {}),
        // One label per day at most: check-ins are counted by the day.
        minInterval: 24 * 60 * 60 * 1000,
        axisLabel: { hideOverlap: true, formatter: (value: number) => formatShortDate(value, language) },
      },
      yAxis: {
        type: "value",
        min: 0,
        max: (extent: { max: number }) => Math.max(1, Math.ceil(extent.max * 10) / 10),
        axisLabel: { formatter: (value: number) => formatPercent(value) },
      },
      series: lines.map((line) => ({
        name: line.name,
        type: "line",
        step: "end",
        data: line.points,
        symbolSize: 6,
        lineStyle: { width: 2.5 },
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [lines, span, i18n.language]);

  const leader = race.entries[0];
  return (
    <div
      ref={ref}
      role="img"
      aria-label={
        leader
          ? t("proposals.raceSummary", {
              title: leader.proposal.title,
              percent: formatPercent(leader.progress),
            })
          : t("proposals.raceEmpty")
      }
      data-testid="race-chart"
      style={{ width: "100%", height: 300 }}
    />
  );
}
