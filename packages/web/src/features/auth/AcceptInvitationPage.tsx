import { isApiError } from "@luodi/client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../../api/client.ts";
import { applyFieldErrors, placeApiError } from "../../api/form-errors.ts";
import { forgetSession } from "../../api/queries.ts";
import { ErrorState } from "../../components/ErrorState.tsx";
import { FormAlert } from "../../components/FormAlert.tsx";
import { Loading } from "../../components/Loading.tsx";
import { formatDateTime } from "../../lib/format.ts";
import { AuthShell } from "./AuthShell.tsx";
import { NewPasswordFields } from "./NewPasswordFields.tsx";

const ROLE_KEYS = {
  owner: "admin.role.owner",
  admin: "admin.role.admin",
  member: "admin.role.member",
} as const;

type Values = { name?: string; password: string; confirmPassword?: string };

/**
 * The page of an invitation link: who invites whom to what, then a password to choose (or, for someone
 * who already has an account, theirs), and the person is signed in.
 */
export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const invitation = useQuery({
    queryKey: ["invitation", token],
    queryFn: ({ signal }) => api.invitations.get(token, signal),
  });

  if (invitation.isPending) return <Loading />;
  if (invitation.isError) {
    if (isApiError(invitation.error) && invitation.error.status === 404) {
      return (
        <AuthShell>
          <Card className="auth-card" data-testid="invitation-invalid">
            <Alert
              type="warning"
              showIcon
              title={t("invitation.invalidTitle")}
              description={t("invitation.invalidBody")}
            />
            <div style={{ marginTop: 16 }}>
              <Link to="/login">{t("passwordReset.backToLogin")}</Link>
            </div>
          </Card>
        </AuthShell>
      );
    }
    return <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />;
  }
  const data = invitation.data;

  const handleFinish = async (values: Values) => {
    setSubmitting(true);
    setFormMessage(null);
    try {
      const name = values.name?.trim();
      await api.invitations.accept(token, {
        password: values.password,
        ...(name && name !== data.name ? { name } : {}),
      });
      forgetSession(queryClient);
      navigate("/", { replace: true });
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: (p) => p === "password" || p === "name",
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
      <Card className="auth-card" data-testid="invitation">
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t("invitation.title", { organization: data.organization.name })}
        </Typography.Title>
        <Typography.Paragraph>
          {data.invitedBy.name
            ? t("invitation.intro", { inviter: data.invitedBy.name, organization: data.organization.name })
            : t("invitation.introNoInviter", { organization: data.organization.name })}
        </Typography.Paragraph>
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t("common.email")}>{data.email}</Descriptions.Item>
          <Descriptions.Item label={t("admin.members.role")}>{t(ROLE_KEYS[data.role])}</Descriptions.Item>
          {data.department && (
            <Descriptions.Item label={t("admin.members.department")}>
              {data.department.name}
            </Descriptions.Item>
          )}
          {data.title && <Descriptions.Item label={t("admin.members.title")}>{data.title}</Descriptions.Item>}
        </Descriptions>
        <FormAlert message={formMessage} />
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ name: data.name }}
          onFinish={(v) => void handleFinish(v)}
        >
          {data.existingAccount ? (
            <>
              <Typography.Paragraph type="secondary">{t("invitation.existingAccount")}</Typography.Paragraph>
              <Form.Item
                name="password"
                label={t("common.password")}
                rules={[{ required: true, message: t("validation.required") }]}
              >
                <Input.Password autoComplete="current-password" autoFocus data-testid="new-password" />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item
                name="name"
                label={t("admin.members.name")}
                rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
              >
                <Input autoComplete="name" maxLength={200} data-testid="invitation-name" />
              </Form.Item>
              <NewPasswordFields />
            </>
          )}
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="invitation-accept">
            {t("invitation.accept")}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
          {t("invitation.expires", { when: formatDateTime(data.expiresAt, i18n.language) })}
        </Typography.Paragraph>
      </Card>
    </AuthShell>
  );
}
