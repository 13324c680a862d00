import { describe, expect, it } from "vitest";
import { redactLinkSecrets } from "./log-redaction.ts";

describe("redactLinkSecrets", () => {
  it("keeps the one-time secrets of invitation and password links out of the logs", () => {
    const secret = "zrXQ-qhC1fX2O1bDmmCSWEy_ZMoFPiV_jFlG-DMUB1I";
    expect(redactLinkSecrets(`/api/v1/invitations/${secret}`)).toBe("/api/v1/invitations/…");
    expect(redactLinkSecrets(`/api/v1/invitations/${secret}/accept`)).toBe("/api/v1/invitations/…/accept");
    expect(redactLinkSecrets(`/invite/${secret}?x=1`)).toBe("/invite/…?x=1");
    expect(redactLinkSecrets(`/reset-password/${secret}`)).toBe("/reset-password/…");
  });

  it("leaves other URLs as they are", () => {
    expect(redactLinkSecrets("/api/v1/invitations")).toBe("/api/v1/invitations");
    expect(redactLinkSecrets("/api/v1/objectives/abc")).toBe("/api/v1/objectives/abc");
  });
});
