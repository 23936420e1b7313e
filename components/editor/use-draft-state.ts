"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { confirmTranslationAction, saveClauseAction, savePartAction } from "@/app/communiques/[id]/actions";
import type { ActionResult } from "@/lib/actions/action-result";
import type { DraftView } from "@/lib/communiques/get-draft";
import { browserStore, forgetUnsaved, keepUnsaved, readUnsaved } from "./unsaved-store";

export type Lang = "ru" | "ja";
export type ClauseView = DraftView["clauses"][number];
export type PartView = DraftView["parts"][number];
export type Failure = Extract<ActionResult, { ok: false }>;

export interface Conflict {
  yours: string;
  theirs: { version: number; textRu: string | null; textJa: string | null; ruStale?: boolean; jaStale?: boolean };
}

const AUTOSAVE_MS = 800;
const fieldKey = (id: string, lang: Lang) => `${id}:${lang}`;
const textOf = (item: { textRu: string | null; textJa: string | null }, lang: Lang) => (lang === "ru" ? item.textRu : item.textJa) ?? "";

/**
 * The editor's local copy of the draft and its autosave: each field saves 0.8 s after the
 * last keystroke (or on leaving it), saves of one clause go out one after another, and every
 * save carries the version it was based on. A refused save keeps the typed text, on screen and
 * in this browser's storage until the server takes it: after a reload the editor offers it back.
 */
export function useDraftState(draft: DraftView) {
  const [clauses, setClauses] = useState(draft.clauses);
  const [parts, setParts] = useState(draft.parts);
  const [pending, setPending] = useState(0);
  const [failures, setFailures] = useState<Record<string, Failure>>({});
  const [conflicts, setConflicts] = useState<Record<string, Conflict>>({});
  const clausesRef = useRef(clauses);
  const partsRef = useRef(parts);
  clausesRef.current = clauses;
  partsRef.current = parts;
  const dirty = useRef(new Set<string>());
  const translating = useRef(new Set<string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const queues = useRef(new Map<string, Promise<void>>());
  const communiqueId = draft.communique.id;
  const pendingRef = useRef(0);
  pendingRef.current = pending;
  const troubleRef = useRef(0);
  troubleRef.current = Object.keys(failures).length + Object.keys(conflicts).length;
  /** Texts this browser kept from an earlier visit that differ from the server's: offered back once. */
  const [restorable, setRestorable] = useState<{ field: string; text: string }[]>([]);
  useEffect(() => {
    const kept = readUnsaved(browserStore(), communiqueId);
    const offers: { field: string; text: string }[] = [];
    for (const [field, { text }] of Object.entries(kept)) {
      const [id, lang] = field.split(":") as [string, Lang];
      const server = id.startsWith("part-")
        ? draft.parts.find((p) => p.kind === id.slice(5))?.text[lang]
        : (() => {
            const clause = draft.clauses.find((c) => c.id === id);
            return clause ? textOf(clause, lang) : undefined;
          })();
      if (server === undefined || server === text) forgetUnsaved(browserStore(), communiqueId, field);
      else offers.push({ field, text });
    }
    setRestorable(offers);
    // Only what the page was opened with: later refreshes carry this session's own saves.
  }, [communiqueId]);

  // After a structural change the server sends the draft again; typed, unsaved text wins.
  useEffect(() => {
    setClauses((local) =>
      draft.clauses.map((server) => {
        const mine = local.find((c) => c.id === server.id);
        if (!mine) return server;
        // A refresh fetched before our latest save must not roll the clause back.
        if (mine.version > server.version) return mine;
        const keepRu = dirty.current.has(fieldKey(server.id, "ru"));
        const keepJa = dirty.current.has(fieldKey(server.id, "ja"));
        if (!keepRu && !keepJa) return server;
        return { ...server, version: mine.version, textRu: keepRu ? mine.textRu : server.textRu, textJa: keepJa ? mine.textJa : server.textJa };
      }),
    );
  }, [draft.clauses]);
  useEffect(
    () => setParts((local) => draft.parts.map((server) => {
      const mine = local.find((p) => p.kind === server.kind);
      return mine && mine.version > server.version ? mine : server;
    })),
    [draft.parts],
  );

  const fail = (key: string, failure: Failure | null) =>
    setFailures((all) => {
      const next = { ...all };
      if (failure) next[key] = failure;
      else delete next[key];
      return next;
    });

  const enqueue = (queueKey: string, job: () => Promise<void>) => {
    const run = (queues.current.get(queueKey) ?? Promise.resolve()).then(job, job);
    queues.current.set(queueKey, run);
    return run;
  };

  const saveClause = useCallback((id: string, lang: Lang) => {
    const key = fieldKey(id, lang);
    clearTimeout(timers.current.get(key));
    return enqueue(id, async () => {
      if (!dirty.current.has(key)) return;
      const clause = clausesRef.current.find((c) => c.id === id);
      if (!clause) return;
      dirty.current.delete(key);
      const text = textOf(clause, lang);
      setPending((n) => n + 1);
      try {
        const result = await saveClauseAction({ clauseId: id, lang, text, baseVersion: clause.version, translating: translating.current.has(key) });
        if (result.ok) {
          fail(key, null);
          forgetUnsaved(browserStore(), communiqueId, key, text);
          setClauses((all) =>
            all.map((c) => (c.id === id ? { ...c, version: result.data.version, ruStale: result.data.ruStale, jaStale: result.data.jaStale } : c)),
          );
        } else if (result.code === "EDIT_CONFLICT") {
          setConflicts((all) => ({ ...all, [key]: result.details as Conflict }));
        } else {
          dirty.current.add(key);
          fail(key, result);
        }
      } catch {
        dirty.current.add(key);
        fail(key, { ok: false, at: Date.now(), code: "INTERNAL", params: {}, fieldErrors: {}, details: null });
      } finally {
        setPending((n) => n - 1);
      }
    });
  }, []);

  const editClause = (id: string, lang: Lang, text: string) => {
    const key = fieldKey(id, lang);
    dirty.current.add(key);
    keepUnsaved(browserStore(), communiqueId, key, text);
    setClauses((all) => all.map((c) => (c.id === id ? { ...c, [lang === "ru" ? "textRu" : "textJa"]: text } : c)));
    clearTimeout(timers.current.get(key));
    timers.current.set(key, setTimeout(() => void saveClause(id, lang), AUTOSAVE_MS));
  };

  /** Starting to type in a flagged translation: this editing pass is the update it asked for. */
  const focusClause = (id: string, lang: Lang) => {
    const clause = clausesRef.current.find((c) => c.id === id);
    if (clause && (lang === "ru" ? clause.ruStale : clause.jaStale)) translating.current.add(fieldKey(id, lang));
  };
  const blurClause = (id: string, lang: Lang) => {
    void saveClause(id, lang).then(() => translating.current.delete(fieldKey(id, lang)));
  };

  const confirm = async (id: string, lang: Lang) => {
    await flush();
    const result = await confirmTranslationAction({ clauseId: id, lang });
    if (result.ok) setClauses((all) => all.map((c) => (c.id === id ? { ...c, ...result.data } : c)));
    else fail(fieldKey(id, lang), result);
  };

  const resolveConflict = (id: string, lang: Lang, choice: { keep: "theirs" } | { keep: "text"; text: string }) => {
    const key = fieldKey(id, lang);
    const conflict = conflicts[key];
    if (!conflict) return;
    setConflicts((all) => {
      const next = { ...all };
      delete next[key];
      return next;
    });
    const theirs = conflict.theirs;
    setClauses((all) =>
      all.map((c) =>
        c.id !== id
          ? c
          : {
              ...c,
              version: theirs.version,
              textRu: dirty.current.has(fieldKey(id, "ru")) && lang !== "ru" ? c.textRu : (theirs.textRu ?? ""),
              textJa: dirty.current.has(fieldKey(id, "ja")) && lang !== "ja" ? c.textJa : (theirs.textJa ?? ""),
              ruStale: theirs.ruStale ?? c.ruStale,
              jaStale: theirs.jaStale ?? c.jaStale,
              ...(choice.keep === "text" ? { [lang === "ru" ? "textRu" : "textJa"]: choice.text } : {}),
            },
      ),
    );
    if (choice.keep === "text") {
      dirty.current.add(key);
      // Let the state above land before the save reads it.
      setTimeout(() => void saveClause(id, lang), 0);
    }
  };

  const savePart = useCallback((kind: string, lang: Lang, reset = false) => {
    const key = fieldKey(`part-${kind}`, lang);
    clearTimeout(timers.current.get(key));
    return enqueue(`part-${kind}`, async () => {
      if (!reset && !dirty.current.has(key)) return;
      const part = partsRef.current.find((p) => p.kind === kind);
      if (!part) return;
      dirty.current.delete(key);
      setPending((n) => n + 1);
      try {
        const text = reset ? null : part.text[lang];
        const result = await savePartAction({ communiqueId: draft.communique.id, kind, lang, text, baseVersion: part.version });
        if (result.ok) {
          fail(key, null);
          if (reset) forgetUnsaved(browserStore(), communiqueId, key);
          else forgetUnsaved(browserStore(), communiqueId, key, text ?? undefined);
          setParts((all) =>
            all.map((p) =>
              p.kind !== kind
                ? p
                : {
                    ...p,
                    version: result.data.version,
                    edited: { ru: result.data.textRu !== null, ja: result.data.textJa !== null },
                    text: { ru: result.data.textRu ?? p.generated.ru, ja: result.data.textJa ?? p.generated.ja },
                  },
            ),
          );
        } else {
          if (!reset) dirty.current.add(key);
          fail(key, result);
        }
      } finally {
        setPending((n) => n - 1);
      }
    });
  }, [draft.communique.id]);

  const editPart = (kind: string, lang: Lang, text: string) => {
    const key = fieldKey(`part-${kind}`, lang);
    dirty.current.add(key);
    keepUnsaved(browserStore(), communiqueId, key, text);
    setParts((all) => all.map((p) => (p.kind === kind ? { ...p, text: { ...p.text, [lang]: text } } : p)));
    clearTimeout(timers.current.get(key));
    timers.current.set(key, setTimeout(() => void savePart(kind, lang), AUTOSAVE_MS));
  };

  /** Saves everything typed so far (before a structural change, a revision or a submission). */
  const flush = async () => {
    const keys = [...dirty.current];
    await Promise.all(
      keys.map((key) => {
        const [id, lang] = key.split(":") as [string, Lang];
        return id.startsWith("part-") ? savePart(id.slice(5), lang) : saveClause(id, lang);
      }),
    );
    await Promise.all([...queues.current.values()]);
  };

  /** Puts the kept texts back into their fields; they save (or are refused) as if just typed. */
  const restore = () => {
    for (const { field, text } of restorable) {
      const [id, lang] = field.split(":") as [string, Lang];
      if (id.startsWith("part-")) editPart(id.slice(5), lang, text);
      else editClause(id, lang, text);
    }
    setRestorable([]);
  };
  const discard = () => {
    for (const { field } of restorable) forgetUnsaved(browserStore(), communiqueId, field);
    setRestorable([]);
  };

  /** Leaving now would lose typed text that the server has not (or would not) take. */
  const atRisk = () => dirty.current.size > 0 || pendingRef.current > 0 || troubleRef.current > 0;
  /** Text the server refused or that is in conflict: only this browser has it. */
  const refused = () => troubleRef.current > 0;

  const unsaved = pending > 0 || Object.keys(failures).length > 0 || Object.keys(conflicts).length > 0;
  const saveState: "saving" | "error" | "saved" = pending > 0 ? "saving" : Object.keys(failures).length || Object.keys(conflicts).length ? "error" : "saved";

  return {
    clauses,
    setClauses,
    parts,
    failures,
    conflicts,
    saveState,
    unsaved,
    editClause,
    focusClause,
    blurClause,
    confirm,
    resolveConflict,
    editPart,
    savePart,
    flush,
    restorable,
    restore,
    discard,
    atRisk,
    refused,
  };
}

export type DraftState = ReturnType<typeof useDraftState>;
