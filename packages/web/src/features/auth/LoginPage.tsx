import type { LoginInput } from "@luodi/client";
import { safeReturnPath } from "@luodi/core";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Card, Divider, Form, Input, Typography } from "antd";
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
import { ssoErrorKey, ssoLoginHref, useSsoStatus } from "./sso.ts";

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return safeReturnPath(next);
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
  const sso = useSsoStatus();
  // Owners keep their password when the organization turned passwords off (the break-glass).
  const [ownerSignIn, setOwnerSignIn] = useState(false);

  if (status.isPending || sso.isPending) return <Loading />;
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

  const next = safeNext(params.get("next"));
  const ssoName = sso.data?.enabled ? (sso.data.name ?? "SSO") : null;
  const showPasswordForm = !ssoName || !sso.data?.passwordLoginDisabled || ownerSignIn;
  const ssoErrorText = ssoErrorKey(params.get("ssoError"));

  return (
    <AuthShell>
      <Card className="auth-card">
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t("login.title")}
        </Typography.Title>
        <FormAlert message={formMessage ?? (ssoErrorText ? t(ssoErrorText) : null)} />
        {ssoName && (
          <Button
            type={showPasswordForm ? "default" : "primary"}
            size="large"
            block
            href={ssoLoginHref(next)}
            data-testid="login-sso"
          >
            {t("login.sso.button", { name: ssoName })}
          </Button>
        )}
        {ssoName && showPasswordForm && <Divider plain>{t("login.sso.or")}</Divider>}
        {showPasswordForm ? (
          <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void handleFinish(v)}>
            <Form.Item
              name="email"
              label={t("common.email")}
              rules={[{ required: true, message: t("validation.required") }]}
            >
              <Input type="email" autoComplete="username" autoFocus={!ssoName} />
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
        ) : (
          <div className="login-owner">
            <Typography.Text type="secondary">{t("login.sso.passwordOff")}</Typography.Text>
            <Button type="link" size="small" onClick={() => setOwnerSignIn(true)} data-testid="login-owner">
              {t("login.sso.ownerSignIn")}
            </Button>
          </div>
        )}
      </Card>
    </AuthShell>
  );
}
