import type { Department } from "@luodi/client";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { departmentPath } from "../admin/department-tree.ts";

/** Narrows a cycle's views (dashboard, alignment map) to a department and those below it. */
export function DepartmentFilter({
  departments,
  value,
  onChange,
  testId,
}: {
  departments: readonly Department[];
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={t("dashboard.department")}
      placeholder={t("dashboard.allDepartments")}
      allowClear
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={(next: string | undefined) => onChange(next)}
      style={{ minWidth: 200, maxWidth: "100%" }}
      data-testid={testId}
      options={departments
        .map((d) => ({ value: d.id, label: departmentPath(departments, d.id) }))
        .sort((a, b) => a.label.localeCompare(b.label))}
    />
  );
}
