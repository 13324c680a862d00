import { ApiError, NetworkError } from "@luodi/client";
import type { FormInstance } from "antd";
import { describe, expect, it } from "vitest";
import { fieldsShownBy, placeApiError, toFieldName } from "./form-errors.ts";

const isKnown = (path: string) => /^(title|reason|keyResults\.\d+\.(title|targetValue))$/.test(path);

describe("placeApiError", () => {
  it("maps dotted paths to Ant Design names", () => {
    expect(toFieldName("keyResults.0.targetValue")).toEqual(["keyResults", 0, "targetValue"]);
  });

  it("puts each validation message next to its field", () => {
    const error = new ApiError(400, "request.invalid", "请求无效。", [
      { path: "title", message: "字符串太短" },
      { path: "keyResults.1.title", message: "必填" },
    ]);
    expect(placeApiError(error, { isKnown, networkMessage: "offline" })).toEqual({
      fields: [
        { name: ["title"], errors: ["字符串太短"] },
        { name: ["keyResults", 1, "title"], errors: ["必填"] },
      ],
      formMessage: null,
      isNetwork: false,
    });
  });

  it("shows a rule's localized message at the field its details name", () => {
    const error = new ApiError(422, "objective.reason_required", "周期已过对齐阶段，调整需要填写原因。", [
      { path: "reason", message: "Required for an adjustment" },
    ]);
    const placed = placeApiError(error, { isKnown, networkMessage: "offline" });
    expect(placed.fields).toEqual([{ name: ["reason"], errors: ["周期已过对齐阶段，调整需要填写原因。"] }]);
    expect(placed.formMessage).toBeNull();
  });

  it("remaps a KR-wide rule error to the field that shows it", () => {
    const error = new ApiError(422, "kr.target_equals_start", "目标值不能等于起始值。", [
      { path: "keyResults.0", message: "The target must differ" },
    ]);
    const placed = placeApiError(error, {
      isKnown,
      networkMessage: "offline",
      remap: (path) => (/^keyResults\.\d+$/.test(path) ? `${path}.targetValue` : path),
    });
    expect(placed.fields).toEqual([
      { name: ["keyResults", 0, "targetValue"], errors: ["目标值不能等于起始值。"] },
    ]);
  });

  it("puts a save's error next to the field its path names, among the fields the form shows", () => {
    const form = {
      getFieldsError: () => [
        { name: ["title"], errors: [] },
        { name: ["keyResults", 2, "title"], errors: [] },
        { name: ["keyResults", 2, "targetValue"], errors: [] },
      ],
    } as unknown as FormInstance;
    const isKnown = fieldsShownBy(form);
    expect(isKnown("keyResults.2.targetValue")).toBe(true);
    expect(isKnown("keyResults.3.targetValue")).toBe(false);
    const error = new ApiError(422, "kr.target_equals_start", "目标值不能等于起始值。", [
      { path: "keyResults.2.targetValue", message: "The target must differ" },
    ]);
    expect(placeApiError(error, { isKnown, networkMessage: "offline" })).toEqual({
      fields: [{ name: ["keyResults", 2, "targetValue"], errors: ["目标值不能等于起始值。"] }],
      formMessage: null,
      isNetwork: false,
    });
    const elsewhere = new ApiError(422, "kr.target_equals_start", "目标值不能等于起始值。", [
      { path: "keyResults.5.targetValue", message: "The target must differ" },
    ]);
    expect(placeApiError(elsewhere, { isKnown, networkMessage: "offline" }).formMessage).toBe(
      "目标值不能等于起始值。",
    );
  });

  it("puts errors with no known field above the form", () => {
    const error = new ApiError(403, "permission.denied", "你没有执行此操作的权限。");
    expect(placeApiError(error, { isKnown, networkMessage: "offline" }).formMessage).toBe(
      "你没有执行此操作的权限。",
    );
  });

  it("says the server cannot be reached on a network failure", () => {
    expect(placeApiError(new NetworkError("x"), { isKnown, networkMessage: "offline" })).toEqual({
      fields: [],
      formMessage: "offline",
      isNetwork: true,
    });
  });
});
