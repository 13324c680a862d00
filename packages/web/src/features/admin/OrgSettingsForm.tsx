import type { Organization, OrgPatch } from "@luodi/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { queryKeys, useDepartments, useOrg } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { SSO_KEY, useSsoStatus } from "../auth/sso.ts";
import { showFormError } from "./form-helpers.ts";

type Values = {
  name: string;
  locale: "zh-CN" | "en";
  timezone: string;
  mission: string;
  vision: string;
  strategy: string;
  approvalRequired: boolean;
  checkInWeekday: number;
  checkInHour: number;
  scoreScale: "0-1" | "0-100";
  maxObjectivesPerOwner: number;
  passwordLoginDisabled: boolean;
  /** Undefined: the root department. */
  ssoDefaultDepartmentId: string | undefined;
};

const FIELDS = [
  "name",
  "locale",
  "timezone",
  "mission",
  "vision",
  "strategy",
  "approvalRequired",
  "checkInWeekday",
  "checkInHour",
  "scoreScale",
  "maxObjectivesPerOwner",
  "passwordLoginDisabled",
  "ssoDefaultDepartmentId",
];

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const WEEKDAY_KEYS = {
  1: "admin.weekday.mon",
  2: "admin.weekday.tue",
  3: "admin.weekday.wed",
  4: "admin.weekday.thu",
  5: "admin.weekday.fri",
  6: "admin.weekday.sat",
  7: "admin.weekday.sun",
} as const;

function timezones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return ["Asia/Shanghai", "UTC"];
  }
}

function toValues(org: Organization): Values {
  return {
    name: org.name,
    locale: org.locale as Values["locale"],
    timezone: org.timezone,
    mission: org.mission ?? "",
    vision: org.vision ?? "",
    strategy: org.strategy ?? "",
    approvalRequired: org.settings.approvalRequired,
    checkInWeekday: org.settings.checkInWeekday,
    checkInHour: org.settings.checkInHour,
    scoreScale: org.settings.scoreScale,
    maxObjectivesPerOwner: org.settings.maxObjectivesPerOwner,
    passwordLoginDisabled: org.settings.passwordLoginDisabled,
    ssoDefaultDepartmentId: org.settings.ssoDefaultDepartmentId ?? undefined,
  };
}

/** The organization's name, language, time zone, mission/vision/strategy and OKR settings. */
export function OrgSettingsForm() {
  const org = useOrg();
  if (org.isPending) return <Loading />;
  if (org.isError) return <ErrorState error={org.error} onRetry={() => void org.refetch()} />;
  return <OrgForm org={org.data} key={org.data.version} />;
}

function OrgForm({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const sso = useSsoStatus();
  const ssoName = sso.data?.enabled ? (sso.data.name ?? "SSO") : null;
  const departments = useDepartments();
  const save = useMutation({
    mutationFn: (values: Values) => {
      const patch: OrgPatch = {
        name: values.name,
        locale: values.locale,
        timezone: values.timezone,
        mission: values.mission,
        vision: values.vision,
        strategy: values.strategy,
        settings: {
          approvalRequired: values.approvalRequired,
          checkInWeekday: values.checkInWeekday,
          checkInHour: values.checkInHour,
          scoreScale: values.scoreScale,
          maxObjectivesPerOwner: values.maxObjectivesPerOwner,
          // Sent only where single sign-on is on: elsewhere turning passwords off is refused (422), and a
          // setting kept from when it was on must not block saving the rest.
          ...(ssoName
            ? {
                passwordLoginDisabled: values.passwordLoginDisabled,
                ssoDefaultDepartmentId: values.ssoDefaultDepartmentId ?? null,
              }
            : {}),
        },
        version: org.version,
      };
      return api.org.update(patch);
    },
    onSuccess: (updated) => {
      setFormError(null);
      queryClient.setQueryData(queryKeys.org, updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      void queryClient.invalidateQueries({ queryKey: SSO_KEY });
      message.success(t("admin.org.saved"));
    },
    onError: (error) => {
      // Settings errors name "settings.x"; the form's fields are flat.
      setFormError(showFormError(form, error, FIELDS, t, (path) => path.replace(/^settings\./, "")));
    },
  });

  return (
    <Card>
      <FormAlert message={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(org)}
        onFinish={(values) => save.mutate(values)}
        name="org"
        data-testid="org-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t("admin.org.name")}
              rules={[{ required: true, message: t("validation.required") }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="locale" label={t("admin.org.locale")}>
              <Select
                options={[
                  { value: "zh-CN", label: "简体中文" },
                  { value: "en", label: "English" },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="timezone" label={t("admin.org.timezone")}>
              <Select showSearch options={timezones().map((z) => ({ value: z, label: z }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="mission" label={t("admin.org.mission")} extra={t("admin.org.markdownHint")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="vision" label={t("admin.org.vision")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="strategy" label={t("admin.org.strategy")}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="approvalRequired"
              label={t("admin.org.approvalRequired")}
              valuePropName="checked"
              extra={t("admin.org.approvalHint")}
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="checkInWeekday" label={t("admin.org.checkInWeekday")}>
              <Select options={WEEKDAYS.map((d) => ({ value: d, label: t(WEEKDAY_KEYS[d]) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="checkInHour" label={t("admin.org.checkInHour")}>
              <InputNumber min={0} max={23} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="scoreScale" label={t("admin.org.scoreScale")}>
              <Radio.Group
                options={[
                  { value: "0-1", label: "0 – 1" },
                  { value: "0-100", label: "0 – 100" },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="maxObjectivesPerOwner" label={t("admin.org.maxObjectives")}>
              <InputNumber min={1} max={50} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t("admin.org.sso.title")}
        </Divider>
        {ssoName ? (
          <Row gutter={16} data-testid="org-sso">
            <Col xs={24} md={12}>
              <Form.Item
                name="passwordLoginDisabled"
                label={t("admin.org.sso.passwordLoginDisabled")}
                valuePropName="checked"
                extra={t("admin.org.sso.passwordLoginHint", { name: ssoName })}
              >
                <Switch data-testid="org-password-login-disabled" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="ssoDefaultDepartmentId"
                label={t("admin.org.sso.defaultDepartment")}
                extra={t("admin.org.sso.defaultDepartmentHint", { name: ssoName })}
              >
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: "label" }}
                  placeholder={t("admin.org.sso.rootDepartment")}
                  loading={departments.isPending}
                  options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                  data-testid="org-sso-department"
                />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Typography.Paragraph type="secondary" data-testid="org-sso-off">
            {t("admin.org.sso.off")}
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="org-save">
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
