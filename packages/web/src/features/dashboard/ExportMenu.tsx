import { DownloadOutlined } from "@ant-design/icons";
import { Button, Dropdown, type MenuProps } from "antd";
import { useTranslation } from "react-i18next";

/**
 * Downloads of a cycle: its OKRs as Excel, CSV or JSON (only what the person may see), and for admins the
 * appraisal (考核协同) for HR systems. Plain links: the browser sends the session cookie and saves the file.
 */
export function ExportMenu({ cycleId, admin }: { cycleId: string; admin: boolean }) {
  const { t } = useTranslation();
  const link = (path: string, label: string, key: string) => ({
    key,
    label: (
      <a
        href={`/api/v1/cycles/${encodeURIComponent(cycleId)}/${path}`}
        download
        data-testid={`export-${key}`}
      >
        {label}
      </a>
    ),
  });
  const items: MenuProps["items"] = [
    link("export?format=xlsx", t("export.xlsx"), "xlsx"),
    link("export?format=csv", t("export.csv"), "csv"),
    link("export?format=json", t("export.json"), "json"),
    ...(admin
      ? [
          { type: "divider" as const },
          link("appraisal?format=xlsx", t("export.appraisalXlsx"), "appraisal-xlsx"),
          link("appraisal?format=csv", t("export.appraisalCsv"), "appraisal-csv"),
        ]
      : []),
  ];
  return (
    <Dropdown menu={{ items }} trigger={["click"]}>
      <Button icon={<DownloadOutlined />} data-testid="export-menu">
        {t("export.button")}
      </Button>
    </Dropdown>
  );
}
