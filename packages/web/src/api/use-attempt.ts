import { App } from "antd";
import { useTranslation } from "react-i18next";
import { placeApiError } from "./form-errors.ts";

/**
 * Runs a write and answers whether it went through; a refusal shows its message (already in the user's
 * language) as a toast.
 */
export function useAttempt(): (write: () => Promise<unknown>) => Promise<boolean> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (write) => {
    try {
      await write();
      return true;
    } catch (error) {
      const placed = placeApiError(error, {
        isKnown: () => false,
        networkMessage: t("errors.network.title"),
      });
      void message.error(placed.formMessage ?? t("errors.network.title"));
      return false;
    }
  };
}
