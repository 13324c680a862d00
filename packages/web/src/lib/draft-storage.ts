/**
 * Unsaved work (a check-in note, an objective being written) kept in the tab's sessionStorage while it is
 * not sent: it survives leaving the screen and a reload, and never outlives the tab or reaches another.
 */
type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** A draft as kept: the value and when it was last written. */
export type KeptDraft<T> = { savedAt: number; value: T };

function tabStore(): Store | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    // Storage refused (a privacy setting): the draft lives only as long as the screen.
    return null;
  }
}

/** The draft kept under `key`, when there is one and it still has the shape `isValue` expects. */
export function loadDraft<T>(
  key: string,
  isValue: (value: unknown) => value is T,
  store: Store | null = tabStore(),
): KeptDraft<T> | null {
  try {
    const text = store?.getItem(key);
    if (!text) return null;
    const kept = JSON.parse(text) as { savedAt?: unknown; value?: unknown };
    if (typeof kept.savedAt !== "number" || !isValue(kept.value)) return null;
    return { savedAt: kept.savedAt, value: kept.value };
  } catch {
    return null;
  }
}

export function saveDraft<T>(
  key: string,
  value: T,
  now = Date.now(),
  store: Store | null = tabStore(),
): void {
  try {
    store?.setItem(key, JSON.stringify({ savedAt: now, value }));
  } catch {
    // Full or refused: the draft stays on screen.
  }
}

export function dropDraft(key: string, store: Store | null = tabStore()): void {
  try {
    store?.removeItem(key);
  } catch {
    // Nothing kept, nothing to drop.
  }
}
