import { CaretDownOutlined, CaretRightOutlined } from "@ant-design/icons";
import type { TreeNode } from "@luodi/client";
import { Button, Card, Empty, Space, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useCycleTree, useDepartments, useMembers } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { HEALTH_KEYS } from "../../components/labels.ts";
import { LevelTag } from "../../components/Tags.tsx";
import { formatPercent } from "../../lib/format.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { DepartmentFilter } from "../cycles/DepartmentFilter.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import {
  allParents,
  countNodes,
  defaultExpanded,
  type TreeRow,
  visibleRows,
  windowOf,
} from "./tree-model.ts";

const ROW_HEIGHT = 52;
const INDENT = 20;

/** 对齐地图: company objectives down to personal ones, coloured by health, opened level by level. */
export function AlignmentMapPage() {
  const { t } = useTranslation();
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const [params, setParams] = useSearchParams();
  const departmentId = params.get("department") ?? undefined;
  const departments = useDepartments();
  const tree = useCycleTree(cycle?.id, departmentId);
  const deptList = departments.data ?? [];

  const setDepartment = (id: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id) next.set("department", id);
        else next.delete("department");
        return next;
      },
      { replace: true },
    );

  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => void cycles.refetch()} />;

  return (
    <>
      <div className="page-header">
        <h1>{t("alignmentMap.title")}</h1>
        <div className="page-header-actions">
          {cycle && <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />}
          <DepartmentFilter
            departments={deptList}
            value={departmentId}
            onChange={setDepartment}
            testId="map-department"
          />
        </div>
      </div>
      {!cycle ? (
        <Empty description={t("dashboard.noCycle")} />
      ) : tree.isPending ? (
        <Loading />
      ) : tree.isError ? (
        <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />
      ) : tree.data.roots.length === 0 ? (
        <Card>
          <Empty description={t("alignmentMap.empty")} />
        </Card>
      ) : (
        <AlignmentTree key={`${cycle.id}|${departmentId ?? ""}`} roots={tree.data.roots} />
      )}
    </>
  );
}

function AlignmentTree({ roots }: { roots: readonly TreeNode[] }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<Set<string>>(() => defaultExpanded(roots));
  const rows = useMemo(() => visibleRows(roots, expanded), [roots, expanded]);
  const total = useMemo(() => countNodes(roots), [roots]);
  const toggle = (id: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Card
      title={
        <Typography.Text type="secondary" data-testid="map-count">
          {t("alignmentMap.count", { shown: rows.length, total })}
        </Typography.Text>
      }
      extra={
        <Space wrap>
          <Button size="small" onClick={() => setExpanded(allParents(roots))} data-testid="map-expand-all">
            {t("alignmentMap.expandAll")}
          </Button>
          <Button size="small" onClick={() => setExpanded(new Set())} data-testid="map-collapse-all">
            {t("alignmentMap.collapseAll")}
          </Button>
        </Space>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Legend />
      <VirtualRows rows={rows} onToggle={toggle} />
    </Card>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <div className="map-legend" aria-hidden="true">
      {(["on_track", "at_risk", "off_track", "done"] as const).map((h) => (
        <span key={h}>
          <i className={`map-dot health-${h}`} /> {t(HEALTH_KEYS[h])}
        </span>
      ))}
    </div>
  );
}

/** Draws only the rows in view: thousands of objectives scroll as smoothly as ten. */
function VirtualRows({ rows, onToggle }: { rows: readonly TreeRow[]; onToggle: (id: string) => void }) {
  const { t } = useTranslation();
  const members = useMembers();
  const departments = useDepartments();
  const names = useMemo(() => new Map((members.data ?? []).map((m) => [m.userId, m.name])), [members.data]);
  const deptNames = useMemo(
    () => new Map((departments.data ?? []).map((d) => [d.id, d.name])),
    [departments.data],
  );
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const { start, end } = windowOf(rows.length, scrollTop, height, ROW_HEIGHT);

  return (
    <div
      ref={ref}
      className="map-scroll"
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      data-testid="alignment-map"
    >
      <ul
        aria-label={t("alignmentMap.title")}
        className="map-list"
        style={{ height: rows.length * ROW_HEIGHT }}
      >
        {rows.slice(start, end).map((row, i) => {
          const { objective } = row.node;
          const owner =
            objective.level === "personal"
              ? names.get(objective.ownerUserId ?? "")
              : objective.level === "department"
                ? deptNames.get(objective.ownerDepartmentId ?? "")
                : undefined;
          return (
            <li
              key={objective.id}
              className={`map-row health-${objective.health ?? "none"}`}
              data-depth={row.depth}
              data-testid="map-node"
              data-id={objective.id}
              style={{
                top: (start + i) * ROW_HEIGHT,
                height: ROW_HEIGHT,
                paddingLeft: 8 + row.depth * INDENT,
              }}
            >
              {row.hasChildren ? (
                <Button
                  type="text"
                  size="small"
                  icon={row.isExpanded ? <CaretDownOutlined /> : <CaretRightOutlined />}
                  aria-label={
                    row.isExpanded
                      ? t("alignmentMap.collapse", { title: objective.title })
                      : t("alignmentMap.expand", { title: objective.title, count: row.node.children.length })
                  }
                  aria-expanded={row.isExpanded}
                  onClick={() => onToggle(objective.id)}
                  data-testid="map-toggle"
                />
              ) : (
                <span className="map-toggle-space" />
              )}
              <i
                className={`map-dot health-${objective.health ?? "none"}`}
                title={t(objective.health === null ? "health.none" : HEALTH_KEYS[objective.health])}
              />
              <div className="map-main">
                <Link to={`/objectives/${objective.id}`} className="map-title">
                  {objective.title}
                </Link>
                <div className="map-meta">
                  <LevelTag level={objective.level} />
                  {owner && <span className="map-owner">{owner}</span>}
                  {row.hasChildren && !row.isExpanded && (
                    <span className="muted">
                      {t("alignmentMap.children", { count: row.node.children.length })}
                    </span>
                  )}
                </div>
              </div>
              <span className="map-progress" data-testid="map-progress">
                {formatPercent(objective.progress)}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
