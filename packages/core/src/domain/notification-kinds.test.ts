import { describe, expect, it } from "vitest";
import {
  canSilenceInApp,
  DEFAULT_NOTIFICATION_SETTINGS,
  deliveryTime,
  wantsNotification,
} from "./notification-kinds.ts";

describe("wantsNotification", () => {
  it("is on for every kind and channel until switched off", () => {
    expect(wantsNotification(DEFAULT_NOTIFICATION_SETTINGS, "comment", "email")).toBe(true);
    const settings = { off: { comment: ["email" as const] }, quietHours: null };
    expect(wantsNotification(settings, "comment", "email")).toBe(false);
    expect(wantsNotification(settings, "comment", "inApp")).toBe(true);
  });

  it("keeps what someone is waiting on in the bell, whatever the settings say", () => {
    const settings = { off: { mention: ["inApp" as const, "email" as const] }, quietHours: null };
    expect(wantsNotification(settings, "mention", "inApp")).toBe(true);
    expect(wantsNotification(settings, "mention", "email")).toBe(false);
    expect(canSilenceInApp("mention")).toBe(false);
    expect(canSilenceInApp("digest")).toBe(true);
  });
});

describe("deliveryTime", () => {
  const shanghai = "Asia/Shanghai";
  const night = { start: "22:00", end: "08:00" };

  it("sends at once outside quiet hours or without them", () => {
    const at = new Date("2026-12-07T04:00:00Z"); // 12:00 in Shanghai
    expect(deliveryTime(at, night, shanghai)).toEqual(at);
    expect(deliveryTime(at, null, shanghai)).toEqual(at);
  });

  it("holds an evening message until the next morning, across midnight", () => {
    const at = new Date("2026-12-07T15:30:00Z"); // 23:30 in Shanghai
    expect(deliveryTime(at, night, shanghai).toISOString()).toBe("2026-12-08T00:00:00.000Z");
  });

  it("holds an early-morning message until the end of the same night", () => {
    const at = new Date("2026-12-07T19:05:42Z"); // 03:05 on the 8th in Shanghai
    expect(deliveryTime(at, night, shanghai).toISOString()).toBe("2026-12-08T00:00:00.000Z");
  });

  it("handles quiet hours inside one day, with minutes", () => {
    const lunch = { start: "12:00", end: "13:30" };
    const at = new Date("2026-12-07T04:10:00Z"); // 12:10 in Shanghai
    expect(deliveryTime(at, lunch, shanghai).toISOString()).toBe("2026-12-07T05:30:00.000Z");
    expect(deliveryTime(new Date("2026-12-07T05:30:00Z"), lunch, shanghai).toISOString()).toBe(
      "2026-12-07T05:30:00.000Z",
    );
  });

  it("lands on the local end hour across a daylight-saving change", () => {
    // Europe/Berlin leaves summer time on 2026-10-25 at 03:00 → 02:00.
    const at = new Date("2026-10-24T21:00:00Z"); // 23:00 CEST on the 24th
    expect(deliveryTime(at, { start: "22:00", end: "07:00" }, "Europe/Berlin").toISOString()).toBe(
      "2026-10-25T06:00:00.000Z", // 07:00 CET
    );
  });
});
