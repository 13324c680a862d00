import "i18next";
import type en from "./en.json";

// Keys are checked at compile time against the English catalogue; i18n.test.ts keeps zh-CN identical in shape.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}
