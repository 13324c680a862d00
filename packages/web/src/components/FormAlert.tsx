import { Alert } from "antd";

/** An error that concerns the whole form (or no field of it), announced to screen readers. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      role="alert"
      style={{ marginBottom: 16 }}
      data-testid="form-error"
    />
  );
}
