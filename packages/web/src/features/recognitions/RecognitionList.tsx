import type { Recognition } from "@luodi/client";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ServerHtml } from "../../components/ServerHtml.tsx";
import { formatDateTime } from "../../lib/format.ts";

/** Praise as a feed: who praised whom, what they said, and what for when the reader may see that. */
export function RecognitionList({ items }: { items: readonly Recognition[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="plain-list" data-testid="recognitions">
      {items.map((r) => (
        <li key={r.id} className="recognition" data-testid="recognition">
          <div className="recognition-head">
            <Link to={`/people/${r.author.id}`}>
              <strong>{r.author.name}</strong>
            </Link>
            <span className="muted">{t("recognitions.praised")}</span>
            {r.recipients.map((person, index) => (
              <span key={person.id}>
                <Link to={`/people/${person.id}`}>
                  <strong>{person.name}</strong>
                </Link>
                {index < r.recipients.length - 1 ? "、" : ""}
              </span>
            ))}
          </div>
          <ServerHtml html={r.messageHtml} className="recognition-body" testId="recognition-message" />
          {r.objective ? (
            <div className="recognition-link muted">
              <span>{t("recognitions.forLink")}</span>
              <Link to={`/objectives/${r.objective.id}`} data-testid="recognition-link">
                {r.keyResult ? r.keyResult.title : r.objective.title}
              </Link>
            </div>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.createdAt, i18n.language)}
          </Typography.Text>
        </li>
      ))}
    </ol>
  );
}
