import { CaretDownOutlined, CaretRightOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Select, Typography } from "antd";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useDepartments, useMemberNames } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { HEALTH_KEYS } from "../../components/labels.ts";
import { LevelTag } from "../../components/Tags.tsx";
import { formatPercent } from "../../lib/format.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { DepartmentFilter } from "../cycles/DepartmentFilter.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import { countShown, ROOTS, scrollTopFor, type TreeRow, visibleRows, windowOf } from "./tree-model.ts";
import { searchMap, useLazyMap } from "./use-lazy-map.ts";

const ROW_HEIGHT = 52;
const INDENT = 20;

/**
 * 对齐地图: company objectives down to personal ones, coloured by health, read level by level from the
 * server (a company's whole tree is tens of megabytes); search finds any objective and opens the map at it,
 * as does a link with `?objective=`.
 */
export function AlignmentMapPage() {
  const { t } = useTranslation();
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const [params, setParams] = useSearchParams();
  const departmentId = params.get("department") ?? undefined;
  const departments = useDepartments();
  const deptList = departments.data ?? [];

  const setParam = (name: string, value: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
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
            onChange={(id) => setParam("department", id)}
            testId="map-department"
          />
        </div>
      </div>
      {!cycle ? (
        <Empty description={t("dashboard.noCycle")} />
      ) : (
        <AlignmentTree
          key={`${cycle.id}|${departmentId ?? ""}`}
          cycleId={cycle.id}
          departmentId={departmentId}
          openAt={params.get("objective")}
          onOpen={(id) => setParam("objective", id)}
        />
      )}
    </>
  );
}

function AlignmentTree({
  cycleId,
  departmentId,
  openAt,
  onOpen,
}: {
  cycleId: string;
  departmentId: string | undefined;
  openAt: string | null;
  onOpen: (objectiveId: string) => void;
}) {
  const { t } = useTranslation();
  const map = useLazyMap(cycleId, departmentId);
  const { start, jumpTo } = map;
  const rows = useMemo(() => visibleRows(map.state), [map.state]);
  // The link's objective opens once on arrival; later ones (a search pick) are opened by the pick itself.
  const arrival = useRef(openAt);
  useEffect(() => {
    void start(arrival.current);
  }, [start]);

  const roots = map.state.levels.get(ROOTS);
  if (map.error && !roots) return <ErrorState error={map.error} onRetry={() => void start(null)} />;
  if (!roots || !map.isStarted) return <Loading />;
  if (roots.ids.length === 0) {
    return (
      <Card>
        <Empty description={t("alignmentMap.empty")} />
      </Card>
    );
  }
  const handlePick = (id: string) => {
    onOpen(id);
    void jumpTo(id);
  };

  return (
    <Card
      title={
        <Typography.Text type="secondary" data-testid="map-count">
          {t("alignmentMap.shown", { count: countShown(rows) })}
        </Typography.Text>
      }
      extra={
        <Button size="small" onClick={map.collapseAll} data-testid="map-collapse-all">
          {t("alignmentMap.collapseAll")}
        </Button>
      }
      styles={{ body: { padding: 0 } }}
    >
      <div className="map-tools">
        <MapSearch cycleId={cycleId} departmentId={departmentId} onPick={handlePick} />
      </div>
      {map.missingId && (
        <Alert type="warning" showIcon title={t("alignmentMap.notFound")} data-testid="map-not-found" />
      )}
      {map.error !== null && <ErrorState error={map.error} onRetry={() => void start(null)} />}
      <Legend />
      <VirtualRows
        rows={rows}
        focusId={map.focusId}
        onToggle={map.toggle}
        onMore={(parentId) => void map.loadMore(parentId, true)}
      />
    </Card>
  );
}

/** Finds objectives by title on the server (the map holds only what was opened) and opens the map at one. */
function MapSearch({
  cycleId,
  departmentId,
  onPick,
}: {
  cycleId: string;
  departmentId: string | undefined;
  onPick: (objectiveId: string) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<Array<{ value: string; label: ReactNode; title: string }>>([]);
  const [isSearching, setSearching] = useState(false);
  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setHits([]);
      return;
    }
    const controller = new AbortController();
    // Typing waits a moment, so a word is one request and not one per letter.
    const timer = setTimeout(() => {
      setSearching(true);
      searchMap(cycleId, text, departmentId, controller.signal)
        .then((page) =>
          setHits(
            page.items.map(({ objective }) => ({
              value: objective.id,
              title: objective.title,
              label: (
                <span className="map-hit">
                  <LevelTag level={objective.level} /> {objective.title}
                </span>
              ),
            })),
          ),
        )
        .catch(() => {
          if (!controller.signal.aborted) setHits([]);
        })
        .finally(() => {
          if (!controller.signal.aborted) setSearching(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, cycleId, departmentId]);

  return (
    <Select<string>
      aria-label={t("alignmentMap.search")}
      placeholder={t("alignmentMap.search")}
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q }}
      value={null}
      options={hits}
      loading={isSearching}
      notFoundContent={q.trim() && !isSearching ? t("alignmentMap.searchEmpty") : null}
      onChange={(id) => {
        setQ("");
        if (id) onPick(id);
      }}
      style={{ width: "100%", maxWidth: 420 }}
      data-testid="map-search"
    />
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
function VirtualRows({
  rows,
  focusId,
  onToggle,
  onMore,
}: {
  rows: readonly TreeRow[];
  focusId: string | null;
  onToggle: (id: string) => void;
  onMore: (parentId: string) => void;
}) {
  const { t } = useTranslation();
  const departments = useDepartments();
  // The owners of the personal objectives on the map by id, not the whole organization.
  const named = useMemberNames(
    useMemo(
      () =>
        rows.flatMap((row) =>
          row.kind === "node" && row.node.objective.ownerUserId ? [row.node.objective.ownerUserId] : [],
        ),
      [rows],
    ),
  );
  const names = useMemo(() => new Map([...named.byId].map(([id, m]) => [id, m.name])), [named.byId]);
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
  // A jump scrolls its objective into view once, when its row is there.
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !focusId || scrolledTo.current === focusId) return;
    const index = rows.findIndex((r) => r.kind === "node" && r.node.objective.id === focusId);
    if (index < 0) return;
    scrolledTo.current = focusId;
    element.scrollTop = scrollTopFor(index, element.clientHeight, ROW_HEIGHT);
    setScrollTop(element.scrollTop);
  }, [focusId, rows]);
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
          const place = {
            top: (start + i) * ROW_HEIGHT,
            height: ROW_HEIGHT,
            paddingLeft: 8 + row.depth * INDENT,
          };
          if (row.kind === "more") {
            return (
              <li
                key={`more:${row.parentId}`}
                className="map-row map-more"
                style={place}
                data-depth={row.depth}
              >
                <span className="map-toggle-space" />
                <Button
                  size="small"
                  type="link"
                  loading={row.isLoading}
                  onClick={() => onMore(row.parentId)}
                  data-testid="map-more"
                >
                  {t("alignmentMap.more")}
                </Button>
              </li>
            );
          }
          const { objective, childCount } = row.node;
          const isFocus = objective.id === focusId;
          const owner =
            objective.level === "personal"
              ? names.get(objective.ownerUserId ?? "")
              : objective.level === "department"
                ? deptNames.get(objective.ownerDepartmentId ?? "")
                : undefined;
          return (
            <li
              key={objective.id}
              className={`map-row health-${objective.health ?? "none"}${isFocus ? " map-row-focus" : ""}`}
              aria-current={isFocus ? "true" : undefined}
              data-depth={row.depth}
              data-testid="map-node"
              data-id={objective.id}
              style={place}
            >
              {row.hasChildren ? (
                <Button
                  type="text"
                  size="small"
                  icon={row.isExpanded ? <CaretDownOutlined /> : <CaretRightOutlined />}
                  aria-label={
                    row.isExpanded
                      ? t("alignmentMap.collapse", { title: objective.title })
                      : t("alignmentMap.expand", { title: objective.title, count: childCount })
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
                  <span className="muted" data-testid="map-kr-count">
                    {t("alignmentMap.keyResults", { count: row.node.keyResults.length })}
                  </span>
                  {row.hasChildren && !row.isExpanded && (
                    <span className="muted">{t("alignmentMap.children", { count: childCount })}</span>
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
