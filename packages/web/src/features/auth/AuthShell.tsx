import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../../components/LanguageSwitch.tsx";

/** The frame of the signed-out screens: brand and language switch above a card. */
export function AuthShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <main className="auth-page">
      <div className="auth-top">
        <span className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t("app.name")}</span>
        </span>
        <LanguageSwitch />
      </div>
      {children}
    </main>
  );
}
