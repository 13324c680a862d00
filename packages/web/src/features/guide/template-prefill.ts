import type { EditorValues } from "../editor/editor-model.ts";
import type { OkrTemplate } from "./templates.ts";

/** The editor's fields filled from a template, in the UI's language. */
export function templateValues(
  template: OkrTemplate,
  language: "zh-CN" | "en",
): Pick<EditorValues, "title" | "description" | "keyResults"> {
  const text = language === "zh-CN" ? template.zh : template.en;
  return {
    title: text.title,
    description: text.description,
    keyResults: text.keyResults.map((kr) => ({
      title: kr.title,
      type: kr.type,
      unit: kr.unit,
      startValue: kr.startValue,
      targetValue: kr.targetValue,
      direction: kr.direction,
      weight: 1,
    })),
  };
}
