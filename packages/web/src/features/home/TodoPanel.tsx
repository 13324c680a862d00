import {
  AimOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  FileDoneOutlined,
  SendOutlined,
  StarOutlined,
} from "@ant-design/icons";
import { Badge, Card, Empty } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Todo } from "../okrs/mine.ts";

function useTodoView(
  todo: Todo,
  cycleId: string,
  approvalRequired: boolean,
): { icon: ReactNode; text: string; to: string } {
  const { t } = useTranslation();
  switch (todo.kind) {
    case "approve":
      return {
        icon: <AuditOutlined />,
        text: t("todo.approve", { name: todo.objective.title }),
        to: `/objectives/${todo.objective.id}`,
      };
    case "checkIn":
      return {
        icon: <CheckSquareOutlined />,
        text: t("todo.checkIn", { name: todo.keyResult.title }),
        to: `/check-in?cycle=${cycleId}&kr=${todo.keyResult.id}`,
      };
    case "publish":
      return {
        icon: <SendOutlined />,
        text: approvalRequired
          ? t("todo.submit", { name: todo.objective.title })
          : t("todo.publish", { name: todo.objective.title }),
        to: `/objectives/${todo.objective.id}`,
      };
    case "align":
      return {
        icon: <AimOutlined />,
        text: t("todo.align", { name: todo.objective.title }),
        to: `/objectives/${todo.objective.id}/edit`,
      };
    case "score":
      return {
        icon: <StarOutlined />,
        text: t("todo.score", { name: todo.objective.title }),
        to: `/objectives/${todo.objective.id}#scoring`,
      };
    case "managerScore":
      return {
        icon: <StarOutlined />,
        text: t("todo.managerScore", { name: todo.objective.title }),
        to: `/objectives/${todo.objective.id}#scoring`,
      };
    case "review":
      return {
        icon: <FileDoneOutlined />,
        text: t("todo.review", { name: todo.objective.title }),
        to: `/objectives/${todo.objective.id}#review`,
      };
  }
}

function TodoItem({
  todo,
  cycleId,
  approvalRequired,
}: {
  todo: Todo;
  cycleId: string;
  approvalRequired: boolean;
}) {
  const view = useTodoView(todo, cycleId, approvalRequired);
  return (
    <li data-testid={`todo-${todo.kind}`}>
      <span aria-hidden>{view.icon}</span>
      <Link to={view.to}>{view.text}</Link>
    </li>
  );
}

/** 待办: what needs doing this week, each a link to where it is done. */
export function TodoPanel({
  todos,
  cycleId,
  approvalRequired,
  loading,
}: {
  todos: readonly Todo[];
  cycleId: string;
  approvalRequired: boolean;
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      loading={loading}
      data-testid="todo-panel"
      title={
        <span>
          {t("todo.title")}{" "}
          <Badge count={todos.length} showZero color={todos.length ? "#fa8c16" : "#52c41a"} />
        </span>
      }
    >
      {todos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("todo.none")} />
      ) : (
        <ul className="todo-list">
          {todos.map((todo) => (
            <TodoItem
              key={`${todo.kind}:${todo.kind === "checkIn" ? todo.keyResult.id : todo.objective.id}`}
              todo={todo}
              cycleId={cycleId}
              approvalRequired={approvalRequired}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}
