import type { Locale } from "@luodi/client";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.ts";
import { applyFieldErrors, placeApiError } from "../../api/form-errors.ts";
import { queryKeys } from "../../api/queries.ts";
import { FormAlert } from "../../components/FormAlert.tsx";
import { isLanguage, setLanguage } from "../../i18n/index.ts";
import { CalendarFeedCard } from "../meetings/CalendarFeedCard.tsx";
import { NotificationSettingsCard } from "../notifications/NotificationSettingsCard.tsx";
import { useSession } from "./session.ts";

type ProfileValues = { name: string; locale: Locale | "browser" };
type PasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };

/** 个人资料: name, language, password. */
export function ProfilePage() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [profileForm] = Form.useForm<ProfileValues>();
  const [passwordForm] = Form.useForm<PasswordValues>();
  const [profileError, setProfileError] = useState<string | null>(null);
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [saving, setSaving] = useState<"profile" | "password" | null>(null);

  const handleProfile = async (values: ProfileValues) => {
    setSaving("profile");
    setProfileError(null);
    try {
      const locale = values.locale === "browser" ? null : values.locale;
      await api.auth.updateProfile({ name: values.name, locale });
      if (isLanguage(locale)) await setLanguage(locale);
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
      message.success(t("profile.saved"));
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: (p) => p === "name" || p === "locale",
        networkMessage: t("errors.network.body"),
      });
      applyFieldErrors(profileForm, placed.fields);
      setProfileError(placed.formMessage);
    } finally {
      setSaving(null);
    }
  };

  const handlePassword = async ({ currentPassword, newPassword }: PasswordValues) => {
    setSaving("password");
    setPasswordError(null);
    try {
      await api.auth.updateProfile({ currentPassword, newPassword });
      passwordForm.resetFields();
      message.success(t("profile.passwordChanged"));
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: (p) => p === "currentPassword" || p === "newPassword",
        // A wrong current password answers auth.invalid with no details: it is about that field.
        remap: (path, code) => (code === "auth.invalid" && !path ? "currentPassword" : path),
        networkMessage: t("errors.network.body"),
      });
      const fields =
        placed.fields.length === 0 && (error as { code?: string }).code === "auth.invalid"
          ? [{ name: ["currentPassword"], errors: [t("profile.wrongPassword")] }]
          : placed.fields;
      applyFieldErrors(passwordForm, fields);
      setPasswordError(fields.length ? null : placed.formMessage);
    } finally {
      setSaving(null);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: "100%", maxWidth: 640 }}>
      <div className="page-header">
        <h1>{t("profile.title")}</h1>
      </div>
      <Card title={t("profile.details")}>
        <FormAlert message={profileError} />
        <Form
          form={profileForm}
          layout="vertical"
          initialValues={{ name: session.user.name, locale: session.user.locale ?? "browser" }}
          onFinish={(v) => void handleProfile(v)}
        >
          <Form.Item label={t("common.email")}>
            <Input value={session.user.email} disabled aria-label={t("common.email")} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t("profile.name")}
            rules={[{ required: true, whitespace: true, message: t("validation.required") }]}
          >
            <Input autoComplete="name" maxLength={500} />
          </Form.Item>
          <Form.Item name="locale" label={t("profile.language")} extra={t("profile.languageHelp")}>
            <Select
              options={[
                { value: "browser", label: t("profile.languageBrowser") },
                { value: "zh-CN", label: "中文（简体）" },
                { value: "en", label: "English" },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving === "profile"} data-testid="profile-save">
            {t("common.save")}
          </Button>
        </Form>
      </Card>
      <Card title={t("profile.password")}>
        <FormAlert message={passwordError} />
        <Form form={passwordForm} layout="vertical" onFinish={(v) => void handlePassword(v)}>
          <Form.Item
            name="currentPassword"
            label={t("profile.currentPassword")}
            rules={[{ required: true, message: t("validation.required") }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t("profile.newPassword")}
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
            dependencies={["newPassword"]}
            rules={[
              { required: true, message: t("validation.required") },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  !value || value === getFieldValue("newPassword")
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("validation.passwordMismatch"))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button htmlType="submit" loading={saving === "password"}>
            {t("profile.changePassword")}
          </Button>
        </Form>
      </Card>
      <NotificationSettingsCard />
      <CalendarFeedCard />
    </Space>
  );
}
