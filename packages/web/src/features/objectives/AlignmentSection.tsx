import type { ObjectiveDetail } from "@luodi/client";
import { useQueries, useQuery } from "@tanstack/react-query";
import { Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.ts";
import { isHidden, queryKeys } from "../../api/queries.ts";
import { HealthTag, KindTag, LevelTag } from "../../components/Tags.tsx";
import { formatPercent } from "../../lib/format.ts";

function ObjectiveLink({
  id,
  data,
  error,
}: {
  id: string;
  data: ObjectiveDetail | undefined;
  error: unknown;
}) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Typography.Text type="secondary">
        {isHidden(error) ? t("alignment.hidden") : t("errors.generic")}
      </Typography.Text>
    );
  }
  if (!data) return <Typography.Text type="secondary">…</Typography.Text>;
  return (
    <span className="kr-meta" style={{ color: "inherit" }}>
      <LevelTag level={data.level} />
      <KindTag kind={data.kind} />
      <Link to={`/objectives/${id}`}>{data.title}</Link>
      <HealthTag health={data.health} />
      <span className="muted">{formatPercent(data.progress)}</span>
    </span>
  );
}

function useObjectivesById(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: queryKeys.objective(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.objectives.get(id, signal),
    })),
  });
}

/** 对齐: the parent above (an objective or one of its KRs), the objectives aligned below, and 横向协同 links. */
export function AlignmentSection({ objective }: { objective: ObjectiveDetail }) {
  const { t } = useTranslation();
  const { parentObjectiveId, parentKeyResultId, supports } = objective.alignment;
  const parentKr = useQuery({
    queryKey: queryKeys.keyResult(parentKeyResultId ?? ""),
    queryFn: ({ signal }) => api.keyResults.get(parentKeyResultId ?? "", signal),
    enabled: !!parentKeyResultId,
  });
  const parentId = parentObjectiveId ?? parentKr.data?.objectiveId ?? null;
  const [parent] = useObjectivesById(parentId ? [parentId] : []);
  const children = useObjectivesById(objective.children);
  const supported = useObjectivesById(supports);

  return (
    <Descriptions column={1} size="small" layout="vertical" bordered data-testid="alignment">
      <Descriptions.Item label={t("alignment.parent")}>
        {parentKeyResultId && parentKr.error ? (
          <Typography.Text type="secondary">{t("alignment.hidden")}</Typography.Text>
        ) : parentId ? (
          <div>
            <ObjectiveLink id={parentId} data={parent?.data} error={parent?.error} />
            {parentKr.data ? (
              <div className="muted" style={{ marginTop: 4 }}>
                {t("alignment.viaKr", { name: parentKr.data.title })}
              </div>
            ) : null}
          </div>
        ) : (
          <Typography.Text type="secondary">
            {objective.level === "company" ? t("alignment.top") : t("alignment.none")}
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t("alignment.children")}>
        {objective.children.length === 0 ? (
          <Typography.Text type="secondary">{t("alignment.noChildren")}</Typography.Text>
        ) : (
          <ul className="todo-list">
            {objective.children.map((id, i) => (
              <li key={id}>
                <ObjectiveLink id={id} data={children[i]?.data} error={children[i]?.error} />
              </li>
            ))}
          </ul>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t("alignment.supports")}>
        {supports.length === 0 ? (
          <Typography.Text type="secondary">{t("alignment.noSupports")}</Typography.Text>
        ) : (
          <ul className="todo-list">
            {supports.map((id, i) => (
              <li key={id}>
                <ObjectiveLink id={id} data={supported[i]?.data} error={supported[i]?.error} />
              </li>
            ))}
          </ul>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}
