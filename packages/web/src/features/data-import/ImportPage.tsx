import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import type { ImportReport, ImportReportObjective } from "@luodi/core";
import { Alert, Button, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { currentLanguage } from "../../i18n/index.ts";
import { CyclePicker } from "../cycles/CyclePicker.tsx";
import { useSelectedCycle } from "../cycles/useSelectedCycle.ts";

/** The label of what the import does to a row (keys listed whole, so the catalogue check sees them). */
const ACTION_KEYS = {
  create: "import.actions.create",
  update: "import.actions.update",
  unchanged: "import.actions.unchanged",
  invalid: "import.actions.invalid",
} as const;

type Outcome =
  | { kind: "idle" }
  | { kind: "busy"; step: "check" | "import" }
  | { kind: "checked"; file: File; report: ImportReport }
  | { kind: "done"; report: ImportReport }
  | { kind: "failed"; message: string };

/** One line of the preview: a key result (or an objective without any) with the problems of its row. */
type PreviewRow = {
  key: string;
  row: number;
  objective: ImportReportObjective | null;
  keyResult: ImportReportObjective["keyResults"][number] | null;
  title: string;
  errors: string[];
};

/**
 * Sends the file to POST /import as a browser form would (multipart); the typed client speaks JSON only.
 * Answers the report, or throws the contract's error message.
 */
async function sendImport(file: File, options: { dryRun: boolean; cycleId: string | undefined }) {
  const body = new FormData();
  body.append("file", file);
  const query = new URLSearchParams({ dryRun: String(options.dryRun) });
  if (options.cycleId) query.set("cycleId", options.cycleId);
  const response = await fetch(`/api/v1/import?${query}`, {
    method: "POST",
    body,
    credentials: "same-origin",
    headers: { "accept-language": currentLanguage() },
  });
  const json = (await response.json().catch(() => null)) as
    | ImportReport
    | { error: { message: string; details: Array<{ message: string }> } }
    | null;
  if (response.ok && json && !("error" in json)) return json;
  if (json && "error" in json) {
    throw new Error([json.error.message, ...json.error.details.slice(0, 5).map((d) => d.message)].join(" "));
  }
  throw new Error(response.statusText);
}

function previewRows(report: ImportReport): PreviewRow[] {
  const errors = new Map<number, string[]>();
  for (const error of report.errors) {
    errors.set(error.row, [...(errors.get(error.row) ?? []), `${error.column}: ${error.message}`]);
  }
  const rows: PreviewRow[] = [];
  const seen = new Set<number>();
  for (const objective of report.objectives) {
    const lines = objective.keyResults.length ? objective.keyResults : [null];
    for (const keyResult of lines) {
      const row = keyResult?.row ?? objective.row;
      seen.add(row);
      rows.push({
        key: `${objective.row}-${row}`,
        row,
        objective,
        keyResult,
        title: objective.title,
        errors: errors.get(row) ?? [],
      });
    }
  }
  // Rows that produced no objective (a wrong owner, an unknown cycle…) are shown by their problems.
  for (const [row, messages] of errors) {
    if (!seen.has(row))
      rows.push({ key: `error-${row}`, row, objective: null, keyResult: null, title: "", errors: messages });
  }
  return rows.sort((a, b) => a.row - b.row);
}

/**
 * Import (issue 11, data in): upload a file, see every row checked — its problems and the coach's advice —
 * before anything is written, then import it all at once. The template is a download away.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { cycles, cycle, setCycle } = useSelectedCycle();
  const cycleId = params.get("cycleId") ?? cycle?.id;
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  const check = async (file: File) => {
    setOutcome({ kind: "busy", step: "check" });
    try {
      setOutcome({ kind: "checked", file, report: await sendImport(file, { dryRun: true, cycleId }) });
    } catch (error) {
      setOutcome({ kind: "failed", message: (error as Error).message });
    }
  };
  const commit = async (file: File) => {
    setOutcome({ kind: "busy", step: "import" });
    try {
      setOutcome({ kind: "done", report: await sendImport(file, { dryRun: false, cycleId }) });
    } catch (error) {
      setOutcome({ kind: "failed", message: (error as Error).message });
    }
  };

  const counts = (report: ImportReport) => ({
    rows: report.rows,
    createdObjectives: report.created.objectives,
    createdKeyResults: report.created.keyResults,
    updatedObjectives: report.updated.objectives,
    updatedKeyResults: report.updated.keyResults,
    unchanged: report.unchanged.objectives + report.unchanged.keyResults,
  });

  return (
    <>
      <div className="page-header">
        <h1>{t("import.title")}</h1>
        <div className="page-header-actions">
          {cycles.data && cycle && <CyclePicker cycles={cycles.data} value={cycle.id} onChange={setCycle} />}
          <a href="/api/v1/import/template?format=xlsx" download data-testid="import-template-xlsx">
            <Button icon={<DownloadOutlined />}>{t("import.templateXlsx")}</Button>
          </a>
          <a href="/api/v1/import/template?format=csv" download data-testid="import-template-csv">
            <Button icon={<DownloadOutlined />}>{t("import.templateCsv")}</Button>
          </a>
        </div>
      </div>
      <p>{t("import.intro")}</p>
      {outcome.kind !== "done" && (
        <Upload.Dragger
          accept=".xlsx,.csv,.json,.md,.markdown,.txt"
          multiple={false}
          showUploadList={false}
          disabled={outcome.kind === "busy"}
          beforeUpload={(file) => {
            void check(file);
            return false;
          }}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t("import.choose")}</p>
          <p className="ant-upload-hint">{t("import.chooseHint")}</p>
        </Upload.Dragger>
      )}
      {outcome.kind === "busy" && (
        <Alert
          type="info"
          showIcon
          message={t(outcome.step === "check" ? "import.checking" : "import.importing")}
        />
      )}
      {outcome.kind === "failed" && (
        <Alert
          type="error"
          showIcon
          message={t("import.failed")}
          description={outcome.message}
          data-testid="import-failed"
        />
      )}
      {outcome.kind === "checked" && (
        <Preview
          report={outcome.report}
          summary={t("import.summary", counts(outcome.report))}
          onImport={() => void commit(outcome.file)}
        />
      )}
      {outcome.kind === "done" && (
        <Space direction="vertical" style={{ width: "100%" }} data-testid="import-done">
          <Alert type="success" showIcon message={t("import.done", counts(outcome.report))} />
          <h2>{t("import.imported")}</h2>
          <ul data-testid="import-imported">
            {outcome.report.objectives
              .filter((o) => o.id)
              .map((o) => (
                <li key={o.id}>
                  <Link to={`/objectives/${o.id}`}>{o.title}</Link>
                </li>
              ))}
          </ul>
          <Button onClick={() => setOutcome({ kind: "idle" })}>{t("import.another")}</Button>
        </Space>
      )}
    </>
  );
}

function Preview({
  report,
  summary,
  onImport,
}: {
  report: ImportReport;
  summary: string;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const rows = previewRows(report);
  const hasErrors = report.errorCount > 0;
  const hasWork =
    report.created.objectives +
      report.created.keyResults +
      report.updated.objectives +
      report.updated.keyResults >
    0;
  return (
    <Space direction="vertical" style={{ width: "100%", marginTop: 16 }} data-testid="import-preview">
      <Alert type="info" message={summary} data-testid="import-summary" />
      {hasErrors ? (
        <Alert
          type="error"
          showIcon
          message={t("import.errorsTitle", { count: report.errorCount })}
          data-testid="import-errors"
          description={
            // Also listed here, so that a phone shows them without scrolling the table sideways.
            <ul className="import-error-list">
              {report.errors.slice(0, 20).map((error) => (
                <li key={`${error.sheet ?? ""}-${error.row}-${error.column}-${error.code}`}>
                  {t("import.row")} {error.row} · {error.column}: {error.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon message={t("import.noErrors")} />
      )}
      <Table<PreviewRow>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 720 }}
        columns={[
          { title: t("import.row"), dataIndex: "row", width: 56 },
          { title: t("import.objective"), dataIndex: "title", width: 200 },
          {
            title: t("import.keyResult"),
            width: 220,
            render: (_, row) => row.keyResult?.title ?? "",
          },
          {
            title: t("import.target"),
            width: 110,
            render: (_, row) =>
              row.keyResult?.targetValue
                ? `${row.keyResult.startValue ?? 0} → ${row.keyResult.targetValue}${row.keyResult.unit ? ` ${row.keyResult.unit}` : ""}`
                : "",
          },
          {
            title: t("import.action"),
            width: 90,
            render: (_, row) => {
              const action = row.keyResult?.action ?? row.objective?.action;
              if (!action || row.errors.length) return null;
              return (
                <Tag
                  color={
                    action === "create"
                      ? "green"
                      : action === "update"
                        ? "blue"
                        : action === "invalid"
                          ? "red"
                          : "default"
                  }
                >
                  {t(ACTION_KEYS[action])}
                </Tag>
              );
            },
          },
          {
            title: `${t("import.message")} / ${t("import.coach")}`,
            width: 320,
            render: (_, row) => (
              <>
                {row.errors.map((message) => (
                  <div key={message} data-testid="import-row-error">
                    <Typography.Text type="danger">{message}</Typography.Text>
                  </div>
                ))}
                {row.objective?.coach.findings
                  .filter((f) => {
                    const index = /^keyResults\[(\d+)\]$/.exec(f.target)?.[1];
                    const kr = index === undefined ? null : row.objective?.keyResults[Number(index)];
                    // Objective-wide advice sits on the objective's first row, a KR's on its own row.
                    return kr
                      ? kr.row === row.row
                      : row.row === (row.objective?.keyResults[0]?.row ?? row.objective?.row);
                  })
                  .map((f) => (
                    <div key={`${f.code}-${f.target}`}>
                      <Tag
                        color={
                          f.severity === "error" ? "red" : f.severity === "warning" ? "orange" : "default"
                        }
                      >
                        {t("import.coach")}
                      </Tag>
                      {f.message}
                    </div>
                  ))}
              </>
            ),
          },
        ]}
      />
      <Button type="primary" disabled={hasErrors || !hasWork} onClick={onImport} data-testid="import-confirm">
        {t("import.import")}
      </Button>
    </Space>
  );
}
