import { isApiError, isNetworkError } from "@luodi/client";
import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";

/** What a page shows instead of going blank: why, and a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const retry = onRetry ? (
    <Button type="primary" onClick={onRetry} data-testid="retry">
      {t("common.retry")}
    </Button>
  ) : null;
  if (isNetworkError(error)) {
    return (
      <Result
        status="warning"
        title={t("errors.network.title")}
        subTitle={t("errors.network.body")}
        extra={retry}
      />
    );
  }
  if (isApiError(error) && (error.status === 404 || error.status === 403)) {
    return (
      <Result
        status={error.status === 404 ? "404" : "403"}
        title={error.status === 404 ? t("errors.notFound") : t("errors.forbidden")}
        subTitle={error.message}
      />
    );
  }
  return (
    <Result
      status="error"
      title={t("errors.generic")}
      subTitle={error instanceof Error ? error.message : String(error)}
      extra={retry}
    />
  );
}
