import { useQueryClient } from "@tanstack/react-query";
import { Button, Card, Form, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../../api/client.ts";
import { applyFieldErrors, placeApiError } from "../../api/form-errors.ts";
import { forgetSession } from "../../api/queries.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { AuthShell } from "./AuthShell.tsx";
import { NewPasswordFields } from "./NewPasswordFields.tsx";

/** The page of a password link (emailed, or handed over by an admin): a new password, then signed in. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ password: string; confirmPassword: string }>();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const handleFinish = async ({ password }: { password: string }) => {
    setSubmitting(true);
    setFormMessage(null);
    try {
      await api.auth.confirmPasswordReset({ token, password });
      forgetSession(queryClient);
      navigate("/", { replace: true });
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: (p) => p === "password",
        networkMessage: t("errors.network.body"),
      });
      applyFieldErrors(form, placed.fields);
      setFormMessage(placed.formMessage);
      setInvalid(placed.fields.length === 0 && !placed.isNetwork);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthShell>
      <Card className="auth-card">
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t("passwordReset.setTitle")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("passwordReset.setIntro")}</Typography.Paragraph>
        <FormAlert message={formMessage} />
        {invalid && (
          <Typography.Paragraph>
            <Link to="/forgot-password">{t("passwordReset.askAgain")}</Link>
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void handleFinish(v)}>
          <NewPasswordFields autoFocus />
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="reset-submit">
            {t("passwordReset.setSubmit")}
          </Button>
        </Form>
      </Card>
    </AuthShell>
  );
}
