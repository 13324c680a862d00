import type { LoginInput } from "@luodi/client";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { api } from "../../api/client.ts";
import { applyFieldErrors, placeApiError } from "../../api/form-errors.ts";
import { forgetSession, useSetupStatus } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { AuthShell } from "./AuthShell.tsx";

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const status = useSetupStatus();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginInput>();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  if (status.data.needed) return <Navigate to="/setup" replace />;

  const handleFinish = async (values: LoginInput) => {
    setSubmitting(true);
    setFormMessage(null);
    try {
      await api.auth.login(values);
      forgetSession(queryClient);
      navigate(safeNext(params.get("next")), { replace: true });
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: (p) => p === "email" || p === "password",
        networkMessage: t("errors.network.body"),
      });
      applyFieldErrors(form, placed.fields);
      setFormMessage(placed.formMessage);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthShell>
      <Card className="auth-card">
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t("login.title")}
        </Typography.Title>
        <FormAlert message={formMessage} />
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void handleFinish(v)}>
          <Form.Item
            name="email"
            label={t("common.email")}
            rules={[{ required: true, message: t("validation.required") }]}
          >
            <Input type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("common.password")}
            rules={[{ required: true, message: t("validation.required") }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <div className="login-forgot">
            <Link to="/forgot-password" data-testid="forgot-password">
              {t("login.forgot")}
            </Link>
          </div>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
    </AuthShell>
  );
}
