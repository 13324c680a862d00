import type { AuditEntry } from "@luodi/client";
import { Button, Card, Empty, Input, List, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuditLog, useMembers } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { Loading } from "../../components/Loading.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { AUDIT_ACTION_KEYS, auditActionKey, auditDetails, auditSubjectKey } from "./audit-actions.ts";

type Filter = { action?: string; actorId?: string; subjectId?: string };

/**
 * 审计日志: every write, sign-in, sign-out and failed sign-in of the organization, newest first, narrowed by
 * action, person and subject; admins only (the server refuses anyone else).
 */
export function AuditLog() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const [subjectText, setSubjectText] = useState("");
  const log = useAuditLog(filter);
  const members = useMembers();
  const set = (patch: Filter) => {
    const next: Filter = { ...filter, ...patch };
    for (const key of Object.keys(next) as Array<keyof Filter>) if (!next[key]) delete next[key];
    setFilter(next);
  };
  const actionOptions = AUDIT_ACTION_KEYS.map(([value, key]) => ({ value, label: t(key) })).sort((a, b) =>
    a.label.localeCompare(b.label),
  );
  const memberOptions = (members.data ?? [])
    .map((m) => ({ value: m.userId, label: m.name }))
    .sort((a, b) => a.label.localeCompare(b.label));

  return (
    <Card>
      <Typography.Paragraph type="secondary">{t("audit.intro")}</Typography.Paragraph>
      <div className="audit-filters" data-testid="audit-filters">
        <FilterSelect
          label={t("audit.filter.action")}
          options={actionOptions}
          value={filter.action}
          onChange={(action) => set({ action })}
          testId="audit-filter-action"
        />
        <FilterSelect
          label={t("audit.filter.actor")}
          options={memberOptions}
          value={filter.actorId}
          onChange={(actorId) => set({ actorId })}
          testId="audit-filter-actor"
        />
        <Input.Search
          aria-label={t("audit.filter.subject")}
          placeholder={t("audit.filter.subject")}
          allowClear
          value={subjectText}
          onChange={(e) => {
            setSubjectText(e.target.value);
            if (!e.target.value) set({ subjectId: "" });
          }}
          onSearch={(value) => set({ subjectId: value.trim() })}
          data-testid="audit-filter-subject"
        />
      </div>
      <AuditEntries
        log={log}
        onSubject={(subjectId) => {
          setSubjectText(subjectId);
          set({ subjectId });
        }}
      />
    </Card>
  );
}

/** One filter: a searchable choice, cleared to show everything. */
function FilterSelect(props: {
  label: string;
  options: Array<{ value: string; label: string }>;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  testId: string;
}) {
  return (
    <Select
      aria-label={props.label}
      placeholder={props.label}
      allowClear
      showSearch
      optionFilterProp="label"
      options={props.options}
      value={props.value}
      onChange={(value?: string) => props.onChange(value)}
      data-testid={props.testId}
    />
  );
}

function AuditEntries({
  log,
  onSubject,
}: {
  log: ReturnType<typeof useAuditLog>;
  onSubject: (subjectId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  if (log.isPending) return <Loading />;
  if (log.isError) return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  const entries = log.data.pages.flatMap((page) => page.items);
  if (entries.length === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("audit.empty")} data-testid="audit-empty" />
    );
  }
  return (
    <>
      <List<AuditEntry>
        className="audit-list"
        dataSource={entries}
        data-testid="audit-list"
        renderItem={(entry) => {
          const actionKey = auditActionKey(entry.action);
          const subjectKey = auditSubjectKey(entry.subjectType);
          const { address, email } = auditDetails(entry);
          const failed = entry.action === "auth.login_failed";
          return (
            <List.Item data-testid="audit-entry" data-action={entry.action}>
              <div className="audit-entry">
                <div className="audit-entry-head">
                  <Tag color={failed ? "red" : entry.action.startsWith("auth.") ? "blue" : "default"}>
                    {actionKey ? t(actionKey) : entry.action}
                  </Tag>
                  <Typography.Text type="secondary" className="audit-entry-time">
                    {formatDateTime(entry.at, i18n.language)}
                  </Typography.Text>
                </div>
                <div>
                  <strong>{entry.actor?.name ?? t(failed ? "audit.unknownActor" : "audit.system")}</strong>
                  {" · "}
                  <Button
                    type="link"
                    size="small"
                    className="audit-subject"
                    onClick={() => onSubject(entry.subjectId)}
                    title={t("audit.filterBySubject")}
                  >
                    {subjectKey ? t(subjectKey) : entry.subjectType} {entry.subjectId.slice(-8)}
                  </Button>
                </div>
                {email || address ? (
                  <Typography.Text type="secondary" className="audit-entry-detail" data-testid="audit-detail">
                    {email ? t("audit.email", { email }) : null}
                    {email && address ? " · " : null}
                    {address ? t("audit.address", { address }) : null}
                  </Typography.Text>
                ) : null}
                {entry.reason ? (
                  <Typography.Text type="secondary" className="audit-entry-detail">
                    {t("audit.reason", { reason: entry.reason })}
                  </Typography.Text>
                ) : null}
              </div>
            </List.Item>
          );
        }}
      />
      {log.hasNextPage ? (
        <Space style={{ marginTop: 12 }}>
          <Button
            onClick={() => void log.fetchNextPage()}
            loading={log.isFetchingNextPage}
            data-testid="audit-more"
          >
            {t("audit.loadMore")}
          </Button>
        </Space>
      ) : null}
    </>
  );
}
