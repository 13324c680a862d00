import type { SetupInput } from "@luodi/client";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Card, Form, Input, Select, Steps, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { api } from "../../api/client.ts";
import { applyFieldErrors, placeApiError } from "../../api/form-errors.ts";
import { forgetSession, queryKeys, useSetupStatus } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { currentLanguage } from "../../i18n/index.ts";
import { AuthShell } from "./AuthShell.tsx";

type SetupValues = SetupInput & { confirmPassword: string };

const ORGANIZATION_FIELDS = [
  ["organization", "name"],
  ["organization", "locale"],
  ["organization", "timezone"],
];
const KNOWN = /^(organization\.(name|locale|timezone)|admin\.(name|email|password))$/;

function timeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.(
    "timeZone",
  );
  return supported && supported.length > 0 ? supported : ["Asia/Shanghai", "UTC"];
}

/** First run (首次使用): the organization, its language and time zone, and the first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const status = useSetupStatus();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SetupValues>();
  const [step, setStep] = useState(0);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Once set up, the status says "not needed": that must not send the new admin to the sign-in page.
  const [isDone, setIsDone] = useState(false);
  const zones = useMemo(() => timeZones().map((zone) => ({ value: zone, label: zone })), []);

  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data.needed) return <Navigate to={isDone ? "/" : "/login"} replace />;

  const handleNext = async () => {
    try {
      await form.validateFields(ORGANIZATION_FIELDS);
      setStep(1);
    } catch {
      // The fields show what is missing.
    }
  };

  const handleFinish = async () => {
    const { confirmPassword: _confirm, ...input } = form.getFieldsValue(true) as SetupValues;
    setSubmitting(true);
    setFormMessage(null);
    try {
      await api.setup.run(input);
      setIsDone(true);
      forgetSession(queryClient);
      queryClient.setQueryData(queryKeys.setup, { needed: false });
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: (p) => KNOWN.test(p),
        networkMessage: t("errors.network.body"),
      });
      applyFieldErrors(form, placed.fields);
      setFormMessage(placed.formMessage);
      if (placed.fields.some((f) => f.name[0] === "organization")) setStep(0);
    } finally {
      setSubmitting(false);
    }
  };

  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <AuthShell>
      <Card className="auth-card">
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t("setup.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("setup.intro")}</Typography.Paragraph>
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          items={[{ title: t("setup.stepOrganization") }, { title: t("setup.stepAdmin") }]}
        />
        <FormAlert message={formMessage} />
        <Form
          form={form}
          layout="vertical"
          requiredMark="optional"
          onFinish={() => void handleFinish()}
          initialValues={{
            organization: { locale: currentLanguage(), timezone: browserZone || "Asia/Shanghai" },
          }}
        >
          <div hidden={step !== 0}>
            <Form.Item
              name={["organization", "name"]}
              label={t("setup.orgName")}
              rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
            >
              <Input autoFocus placeholder={t("setup.orgNamePlaceholder")} maxLength={500} />
            </Form.Item>
            <Form.Item
              name={["organization", "locale"]}
              label={t("setup.orgLocale")}
              rules={[{ required: true }]}
            >
              <Select
                options={[
                  { value: "zh-CN", label: "中文（简体）" },
                  { value: "en", label: "English" },
                ]}
              />
            </Form.Item>
            <Form.Item
              name={["organization", "timezone"]}
              label={t("setup.orgTimezone")}
              rules={[{ required: true, message: t("validation.required") }]}
            >
              <Select showSearch={{ optionFilterProp: "label" }} options={zones} />
            </Form.Item>
            <Button type="primary" block onClick={() => void handleNext()} data-testid="setup-next">
              {t("common.next")}
            </Button>
          </div>
          <div hidden={step !== 1}>
            <Form.Item
              name={["admin", "name"]}
              label={t("setup.adminName")}
              rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
            >
              <Input autoComplete="name" maxLength={500} />
            </Form.Item>
            <Form.Item
              name={["admin", "email"]}
              label={t("common.email")}
              rules={[
                { required: true, message: t("validation.required") },
                { type: "email", message: t("validation.email") },
              ]}
            >
              <Input type="email" autoComplete="email" />
            </Form.Item>
            <Form.Item
              name={["admin", "password"]}
              label={t("common.password")}
              extra={t("validation.passwordRule")}
              rules={[
                { required: true, message: t("validation.required") },
                { min: 10, message: t("validation.passwordRule") },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="confirmPassword"
              label={t("common.confirmPassword")}
              dependencies={[["admin", "password"]]}
              rules={[
                { required: true, message: t("validation.required") },
                ({ getFieldValue }) => ({
                  validator: (_rule, value) =>
                    !value || value === getFieldValue(["admin", "password"])
                      ? Promise.resolve()
                      : Promise.reject(new Error(t("validation.passwordMismatch"))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <div style={{ display: "flex", gap: 8 }}>
              <Button onClick={() => setStep(0)}>{t("common.back")}</Button>
              <Button
                type="primary"
                htmlType="submit"
                loading={submitting}
                style={{ flex: 1 }}
                data-testid="setup-submit"
              >
                {t("setup.submit")}
              </Button>
            </div>
          </div>
        </Form>
      </Card>
    </AuthShell>
  );
}
