import type { Organization, OrgPatch } from "@luodi/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { queryKeys, useOrg } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
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
        },
        version: org.version,
      };
      return api.org.update(patch);
    },
    onSuccess: (updated) => {
      setFormError(null);
      queryClient.setQueryData(queryKeys.org, updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.me });
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
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="org-save">
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
