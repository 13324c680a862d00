import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_KEYS, auditActionKey, auditDetails, auditSubjectKey } from "./audit-actions.ts";

describe("audit actions", () => {
  it("name each known action and subject, and nothing else", () => {
    expect(auditActionKey("auth.login_failed")).toBe("audit.actions.authLoginFailed");
    expect(auditActionKey("objective.update")).toBe("audit.actions.objectiveUpdate");
    expect(auditActionKey("meeting.create")).toBe("audit.actions.meetingCreate");
    // Verbs with a dot of their own.
    expect(auditActionKey("meeting.action_item.update")).toBe("audit.actions.meetingActionItemUpdate");
    expect(auditActionKey("one_on_one.private_note.write")).toBe("audit.actions.oneOnOnePrivateNoteWrite");
    expect(auditActionKey("notification_settings.update")).toBe("audit.actions.notificationSettingsUpdate");
    expect(auditActionKey("team.nudge")).toBe("audit.actions.teamNudge");
    expect(auditActionKey("question.answer")).toBe("audit.actions.questionAnswer");
    expect(auditSubjectKey("meeting_action_item")).toBe("audit.subjects.meetingActionItem");
    expect(auditActionKey("nothing_known.create")).toBeNull();
    expect(auditActionKey("toString")).toBeNull();
    expect(auditSubjectKey("api_token")).toBe("audit.subjects.apiToken");
    expect(auditSubjectKey("constructor")).toBeNull();
    expect(auditActionKey("auth")).toBeNull();
    expect(auditActionKey("auth.constructor")).toBeNull();
    const keys = AUDIT_ACTION_KEYS.map(([, key]) => key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [action, key] of AUDIT_ACTION_KEYS) expect(auditActionKey(action)).toBe(key);
  });

  it("show the address of sign-ins and the email a failed one tried, and nothing of other entries", () => {
    const after = { email: "a@b.test", address: "203.0.113.5" };
    expect(auditDetails({ action: "auth.login_failed", after })).toEqual({
      address: "203.0.113.5",
      email: "a@b.test",
    });
    expect(auditDetails({ action: "auth.login", after })).toEqual({ address: "203.0.113.5", email: null });
    expect(auditDetails({ action: "member.create", after })).toEqual({ address: null, email: null });
    expect(auditDetails({ action: "auth.logout", after: null })).toEqual({ address: null, email: null });
  });
});
