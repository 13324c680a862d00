import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { currentLanguage, type Language, setLanguage } from "../i18n/index.ts";

/** Each language is named in itself, so a person who cannot read the current one still finds theirs. */
const NAMES: Record<Language, string> = { "zh-CN": "中文", en: "English" };

export function LanguageSwitch({ onChange }: { onChange?: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={t("language.switch")}
      data-testid="language-switch"
      value={currentLanguage()}
      size="small"
      style={{ width: 96 }}
      variant="borderless"
      options={(Object.keys(NAMES) as Language[]).map((value) => ({ value, label: NAMES[value] }))}
      onChange={(language: Language) => {
        void setLanguage(language);
        onChange?.(language);
      }}
    />
  );
}
