/**
 * Text typed in the editor that the server has not taken yet (still saving, refused, or in
 * conflict), kept in this browser so that a reload, a crash or a refusal loses nothing. One
 * entry per field ("<clause id>:ru", "part-preamble:ja"), per communiqué.
 */
export type UnsavedTexts = Record<string, { text: string; at: number }>;

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const keyOf = (communiqueId: string) => `communique:unsaved:${communiqueId}`;

export function readUnsaved(store: Store | null, communiqueId: string): UnsavedTexts {
  try {
    const raw = store?.getItem(keyOf(communiqueId));
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== "object") return {};
    // Only well-formed entries: the storage is the user's, and may hold anything.
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (e): e is [string, { text: string; at: number }] =>
          typeof e[1] === "object" && e[1] !== null && typeof (e[1] as { text?: unknown }).text === "string" && typeof (e[1] as { at?: unknown }).at === "number",
      ),
    );
  } catch {
    return {};
  }
}

function write(store: Store | null, communiqueId: string, texts: UnsavedTexts) {
  try {
    if (Object.keys(texts).length === 0) store?.removeItem(keyOf(communiqueId));
    else store?.setItem(keyOf(communiqueId), JSON.stringify(texts));
  } catch {
    // A full or disabled storage only loses the safety net, never the text on screen.
  }
}

export function keepUnsaved(store: Store | null, communiqueId: string, field: string, text: string, now = Date.now()) {
  write(store, communiqueId, { ...readUnsaved(store, communiqueId), [field]: { text, at: now } });
}

/** Forgets one field once the server has its text (only if the kept text is that text), or every field. */
export function forgetUnsaved(store: Store | null, communiqueId: string, field?: string, savedText?: string) {
  if (field === undefined) return write(store, communiqueId, {});
  const texts = readUnsaved(store, communiqueId);
  if (!texts[field] || (savedText !== undefined && texts[field].text !== savedText)) return;
  delete texts[field];
  write(store, communiqueId, texts);
}

/** The browser's storage, where there is one. */
export const browserStore = (): Store | null => {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
};
