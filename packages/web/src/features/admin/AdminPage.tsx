import { Result, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useSession } from "../auth/session.ts";
import { AuditLog } from "./AuditLog.tsx";
import { CyclesAdmin } from "./CyclesAdmin.tsx";
import { DepartmentsAdmin } from "./DepartmentsAdmin.tsx";
import { IntegrationsAdmin } from "./IntegrationsAdmin.tsx";
import { MembersAdmin } from "./MembersAdmin.tsx";
import { OrgSettingsForm } from "./OrgSettingsForm.tsx";
import { WebhooksAdmin } from "./WebhooksAdmin.tsx";

const TABS = ["org", "departments", "members", "cycles", "integrations", "webhooks", "audit"] as const;
type TabKey = (typeof TABS)[number];

/** 管理: the organization, its departments, members, cycles, chat channels, webhooks and audit log; admins only. */
export function AdminPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  if (!session.abilities.manageOrg) {
    return <Result status="403" title={t("admin.onlyAdmins")} data-testid="admin-forbidden" />;
  }
  const requested = params.get("tab");
  const tab: TabKey = TABS.find((k) => k === requested) ?? "org";
  return (
    <>
      <div className="page-header">
        <h1>{t("admin.title")}</h1>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: "org", label: t("admin.tabs.org"), children: <OrgSettingsForm /> },
          { key: "departments", label: t("admin.tabs.departments"), children: <DepartmentsAdmin /> },
          { key: "members", label: t("admin.tabs.members"), children: <MembersAdmin /> },
          { key: "cycles", label: t("admin.tabs.cycles"), children: <CyclesAdmin /> },
          { key: "integrations", label: t("admin.tabs.integrations"), children: <IntegrationsAdmin /> },
          { key: "webhooks", label: t("admin.tabs.webhooks"), children: <WebhooksAdmin /> },
          { key: "audit", label: t("admin.tabs.audit"), children: <AuditLog /> },
        ]}
      />
    </>
  );
}
