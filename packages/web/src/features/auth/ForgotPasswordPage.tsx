import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api/client.ts";
import { placeApiError } from "../../api/form-errors.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { AuthShell } from "./AuthShell.tsx";

/**
 * 忘记密码: asks for a link by email. The answer never says whether the email is known, so neither does
 * this page: it says where to look, and whom to ask when no email comes (a server without SMTP_URL sends
 * none; an admin can reset the password instead).
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const handleFinish = async ({ email }: { email: string }) => {
    setSubmitting(true);
    setFormMessage(null);
    try {
      await api.auth.requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (error) {
      setFormMessage(
        placeApiError(error, { isKnown: () => false, networkMessage: t("errors.network.body") }).formMessage,
      );
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthShell>
      <Card className="auth-card">
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t("passwordReset.forgotTitle")}
        </Typography.Title>
        {sentTo ? (
          <div data-testid="reset-requested">
            <Alert
              type="success"
              showIcon
              title={t("passwordReset.sentTitle")}
              description={t("passwordReset.sentBody", { email: sentTo })}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
              {t("passwordReset.noEmail")}
            </Typography.Paragraph>
            <Link to="/login">{t("passwordReset.backToLogin")}</Link>
          </div>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t("passwordReset.forgotIntro")}</Typography.Paragraph>
            <FormAlert message={formMessage} />
            <Form
              layout="vertical"
              requiredMark={false}
              initialValues={{ email: params.get("email") ?? "" }}
              onFinish={(values) => void handleFinish(values)}
            >
              <Form.Item
                name="email"
                label={t("common.email")}
                rules={[
                  { required: true, message: t("validation.required") },
                  { type: "email", message: t("validation.email") },
                ]}
              >
                <Input type="email" autoComplete="username" autoFocus data-testid="reset-email" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={submitting} data-testid="reset-request">
                {t("passwordReset.send")}
              </Button>
            </Form>
            <div style={{ marginTop: 16 }}>
              <Link to="/login">{t("passwordReset.backToLogin")}</Link>
            </div>
          </>
        )}
      </Card>
    </AuthShell>
  );
}
