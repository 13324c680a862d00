import { describe, expect, it } from "vitest";
import { dropDraft, loadDraft, saveDraft } from "./draft-storage.ts";

function memoryStore() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    items,
  };
}

const isNote = (value: unknown): value is { note: string } =>
  typeof value === "object" && value !== null && typeof (value as { note?: unknown }).note === "string";

describe("draft storage", () => {
  it("gives back what was kept, with when, until it is dropped", () => {
    const store = memoryStore();
    saveDraft("k", { note: "Signed two pilots" }, 1000, store);
    expect(loadDraft("k", isNote, store)).toEqual({ savedAt: 1000, value: { note: "Signed two pilots" } });
    dropDraft("k", store);
    expect(loadDraft("k", isNote, store)).toBeNull();
  });

  it("ignores what is not a draft of the expected shape, and works without storage", () => {
    const store = memoryStore();
    store.setItem("broken", "{not json");
    store.setItem("other", JSON.stringify({ savedAt: 1, value: { note: 3 } }));
    expect(loadDraft("broken", isNote, store)).toBeNull();
    expect(loadDraft("other", isNote, store)).toBeNull();
    saveDraft("k", { note: "x" }, 1, null);
    expect(loadDraft("k", isNote, null)).toBeNull();
  });
});
