import { LineChartOutlined, PlusOutlined } from "@ant-design/icons";
import type { ProposalListQuery } from "@luodi/client";
import { Button, Card, Empty, Segmented, Select, Tabs, Tag, Typography } from "antd";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useDepartments, useProposals } from "../../api/queries.ts";
import { useObjectiveSearch } from "../../api/search.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { LevelTag } from "../../components/Tags.tsx";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { DepartmentFilter } from "../cycles/DepartmentFilter.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";
import {
  groupByParent,
  objectiveOfParent,
  type ParentGroup,
  parentFilterQuery,
  parentSearches,
  proposalParents,
  racePath,
} from "./board-model.ts";
import { ProposalCard } from "./ProposalCard.tsx";
import { PROPOSAL_SORT_KEYS, PROPOSAL_STATUS_KEYS } from "./proposal-labels.ts";
import "./proposals.css";

const STATUSES = ["open", "accepted", "rejected", "withdrawn"] as const;
type Status = (typeof STATUSES)[number];
type Sort = keyof typeof PROPOSAL_SORT_KEYS;

/**
 * 赛马 · 提案: the cycle's proposals by what they serve, each parent's horses side by side with the way to
 * its race; narrowed by status, parent and department, newest or most backed first.
 */
export function ProposalsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get("status"));
  const sort: Sort = params.get("sort") === "most_backed" ? "most_backed" : "newest";
  const parent = params.get("parent") ?? undefined;
  const departmentId = params.get("department") ?? undefined;
  const departments = useDepartments();
  const query: Omit<ProposalListQuery, "cursor"> = {
    cycleId: cycle?.id,
    sort,
    limit: 50,
    ...(status ? { status } : {}),
    ...parentFilterQuery(parent),
    ...(departmentId ? { departmentId } : {}),
  };
  const list = useProposals(query, !!cycle);
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const groups = useMemo(() => groupByParent(items), [items]);

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
    <div data-testid="proposals-page">
      <div className="page-header">
        <div>
          <h1>{t("proposals.title")}</h1>
          <Typography.Text type="secondary">{t("proposals.subtitle")}</Typography.Text>
        </div>
        <div className="page-header-actions">
          {cycle ? <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} /> : null}
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate(cycle ? `/proposals/new?cycle=${cycle.id}` : "/proposals/new")}
            data-testid="proposal-new"
          >
            {t("proposals.new")}
          </Button>
        </div>
      </div>
      <Tabs
        activeKey={status ?? "all"}
        onChange={(key) => setParam("status", key === "all" ? undefined : key)}
        data-testid="proposal-status-tabs"
        items={[
          { key: "all", label: t("proposals.allStatuses") },
          ...STATUSES.map((s: Status) => ({ key: s, label: t(PROPOSAL_STATUS_KEYS[s]) })),
        ]}
      />
      <div className="proposal-filters">
        <ParentFilter
          cycleId={cycle?.id}
          chosenLabel={parentLabel(groups.find((group) => group.key === parent)?.parent, t)}
          value={parent}
          onChange={(value) => setParam("parent", value)}
        />
        <DepartmentFilter
          departments={departments.data ?? []}
          value={departmentId}
          onChange={(value) => setParam("department", value)}
          testId="proposal-department"
        />
        <Segmented<Sort>
          value={sort}
          onChange={(value) => setParam("sort", value === "newest" ? undefined : value)}
          options={(Object.keys(PROPOSAL_SORT_KEYS) as Sort[]).map((value) => ({
            value,
            label: t(PROPOSAL_SORT_KEYS[value]),
          }))}
          data-testid="proposal-sort"
        />
      </div>
      {!cycle ? (
        <Empty description={t("dashboard.noCycle")} />
      ) : list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Card>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("proposals.empty")} />
        </Card>
      ) : (
        groups.map((group) => (
          <section key={group.key} className="proposal-group" data-testid="proposal-group">
            <div className="proposal-group-head">
              <h2 className="proposal-group-title">
                <LevelTag level={group.parent.objective.level} />
                <Link to={`/objectives/${group.parent.objective.id}`}>{group.parent.objective.title}</Link>
                {group.parent.keyResult ? (
                  <span className="proposal-group-kr">
                    <Tag>KR</Tag>
                    {group.parent.keyResult.title}
                  </span>
                ) : null}
              </h2>
              <Link to={racePath(group.parent)} data-testid="proposal-race-link">
                <LineChartOutlined /> {t("proposals.raceLink", { count: group.proposals.length })}
              </Link>
            </div>
            <div className="proposal-grid">
              {group.proposals.map((proposal) => (
                <ProposalCard key={proposal.id} proposal={proposal} />
              ))}
            </div>
          </section>
        ))
      )}
      {list.hasNextPage ? (
        <Button type="link" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t("proposals.loadMore")}
        </Button>
      ) : null}
    </div>
  );
}

/** Narrows the board to one parent: a company or department objective, or one of its KRs. */
function ParentFilter({
  cycleId,
  chosenLabel,
  value,
  onChange,
}: {
  cycleId: string | undefined;
  /** How the chosen parent reads when the search has not found it (from the proposals shown). */
  chosenLabel: string | undefined;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  // The server searches the cycle's company and department objectives as one types.
  const search = useObjectiveSearch(parentSearches(cycleId), !!cycleId);
  const chosen = objectiveOfParent(value, search.known);
  const options = useMemo(() => {
    const found = search.results;
    const shown = chosen && !found.some((o) => o.id === chosen.id) ? [chosen, ...found] : found;
    const groups: Array<{
      label: string;
      title?: string;
      value?: string;
      options?: Array<{ value: string; label: string }>;
    }> = proposalParents(shown).map((o) => ({
      label: o.title,
      title: o.title,
      options: [
        { value: `o:${o.id}`, label: t("proposals.wholeObjective", { title: o.title }) },
        ...o.keyResults.map((kr) => ({ value: `k:${kr.id}`, label: `KR · ${kr.title}` })),
      ],
    }));
    if (value && !chosen && chosenLabel) groups.unshift({ value, label: chosenLabel });
    return groups;
  }, [search.results, chosen, chosenLabel, value, t]);
  return (
    <Select
      aria-label={t("proposals.parentFilter")}
      placeholder={t("proposals.allParents")}
      allowClear
      showSearch={{ optionFilterProp: "label", onSearch: search.onSearch }}
      loading={search.loading}
      value={value}
      onChange={(next: string | undefined) => onChange(next)}
      options={options}
      popupMatchSelectWidth={false}
      style={{ minWidth: 220, maxWidth: "100%" }}
      data-testid="proposal-parent-filter"
    />
  );
}

/** A parent as the board names it: the KR's title, or the whole objective's. */
function parentLabel(parent: ParentGroup["parent"] | undefined, t: TFunction): string | undefined {
  if (!parent) return undefined;
  return parent.keyResult
    ? `KR · ${parent.keyResult.title}`
    : t("proposals.wholeObjective", { title: parent.objective.title });
}
