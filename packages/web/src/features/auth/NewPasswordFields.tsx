import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";

/**
 * A new password typed twice, with the product's password rule as the hint. The server checks the rule
 * (core's password rules) and its refusal shows under the first field.
 */
export function NewPasswordFields({ autoFocus = false }: { autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="password"
        label={t("common.newPassword")}
        extra={t("validation.passwordRule")}
        rules={[
          { required: true, message: t("validation.required") },
          { min: 10, message: t("validation.passwordRule") },
        ]}
      >
        <Input.Password autoComplete="new-password" autoFocus={autoFocus} data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t("common.confirmPassword")}
        dependencies={["password"]}
        rules={[
          { required: true, message: t("validation.required") },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || value === getFieldValue("password")
                ? Promise.resolve()
                : Promise.reject(new Error(t("validation.passwordMismatch"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
    </>
  );
}
