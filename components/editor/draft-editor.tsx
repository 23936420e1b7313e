"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import {
  deleteClauseAction,
  insertClauseAction,
  moveClauseAction,
  restoreClauseAction,
  saveToLibraryAction,
  setNumberingAction,
} from "@/app/communiques/[id]/actions";
import { BlockComments, CommentThread } from "@/components/comments/comment-thread";
import { ParallelPreview } from "@/components/document/parallel-preview";
import type { ActionResult } from "@/lib/actions/action-result";
import { blockName } from "@/lib/communique/part-labels";
import { STANDARD_PART_IDS } from "@/lib/communique/standard-parts";
import type { DraftView } from "@/lib/communiques/get-draft";
import { ClauseRow } from "./clause-row";
import { EditorToolbar } from "./editor-toolbar";
import { LibraryPanel } from "./library-panel";
import { liveContent } from "./live-content";
import { PartRow } from "./part-row";
import { useDraftState, type Failure } from "./use-draft-state";

type Topic = { id: string; nameRu: string; nameJa: string };

export function DraftEditor({ draft, topics }: { draft: DraftView; topics: Topic[] }) {
  const t = useTranslations("editor");
  const tStatus = useTranslations("status");
  const te = useTranslations("errors");
  const tc = useTranslations("common");
  const tcm = useTranslations("comments");
  const locale = useLocale();
  const router = useRouter();
  const state = useDraftState(draft);
  const editable = draft.canEdit;
  const [notice, setNotice] = useState<{ text: string; undo?: string } | null>(null);
  const [problem, setProblem] = useState<Failure | null>(null);
  const [libraryFor, setLibraryFor] = useState<string | null>(null);
  const [libraryTopic, setLibraryTopic] = useState("");
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const id = draft.communique.id;
  const clauses = state.clauses;
  const part = (kind: string) => state.parts.find((p) => p.kind === kind);

  /** Saves pending text, runs a structural change, then reloads the draft from the server. */
  const structural = async (change: () => Promise<ActionResult>) => {
    await state.flush();
    const result = await change();
    setProblem(result.ok ? null : result);
    router.refresh();
    return result.ok;
  };

  const move = async (clauseId: string, toIndex: number) => {
    const from = clauses.findIndex((c) => c.id === clauseId);
    if (from < 0 || toIndex < 0 || toIndex >= clauses.length || from === toIndex) return;
    const next = [...clauses];
    next.splice(toIndex, 0, ...next.splice(from, 1));
    state.setClauses(next);
    await structural(() => moveClauseAction(id, clauseId, toIndex));
  };

  const onDragEnd = (event: DragEndEvent) => {
    if (!event.over || event.active.id === event.over.id) return;
    void move(String(event.active.id), clauses.findIndex((c) => c.id === event.over!.id));
  };

  // What a screen reader hears while a clause is dragged: clause numbers in the UI's language,
  // never the library's English with database ids.
  const position = (id: UniqueIdentifier | undefined) => clauses.findIndex((c) => c.id === id) + 1;
  // A drag starts over its own place: saying so would drown "picked up" at once.
  const moved = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      moved.current = false;
      return t("dragStart", { n: position(active.id) });
    },
    onDragOver: ({ active, over }) => {
      if (over?.id === active.id && !moved.current) return undefined;
      moved.current = true;
      return over ? t("dragOver", { n: position(active.id), to: position(over.id) }) : t("dragOutside", { n: position(active.id) });
    },
    onDragEnd: ({ active, over }) => (over ? t("dragEnd", { n: position(active.id), to: position(over.id) }) : t("dragCancel", { n: position(active.id) })),
    onDragCancel: ({ active }) => t("dragCancel", { n: position(active.id) }),
  };

  const remove = async (clauseId: string) => {
    if (await structural(() => deleteClauseAction(id, clauseId))) setNotice({ text: t("deleted"), undo: clauseId });
  };

  // Leaving with text the server has not taken asks first: a reload or a closed tab always,
  // a link inside the app when the server refused the text (it lives in this browser only).
  // Read at the moment of leaving: the listeners stay the same while the draft state changes.
  const draftState = useRef(state);
  draftState.current = state;
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!draftState.current.atRisk()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      if (link.origin !== window.location.origin || (link.pathname === window.location.pathname && link.hash)) return;
      if (draftState.current.refused() && !window.confirm(t("leaveConfirm"))) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [t]);

  const fieldName = (field: string) => {
    const [key, lang] = field.split(":") as [string, "ru" | "ja"];
    const block = key.startsWith("part-") ? { kind: "part" as const, part: key.slice(5) } : { kind: "clause" as const, n: clauses.findIndex((c) => c.id === key) + 1 };
    return `${blockName(t, block)} (${lang.toUpperCase()})`;
  };


  const content = liveContent(draft.content, state.parts, clauses, draft.communique.numberClauses);
  const commenting = { communiqueId: id, canReply: draft.canComment, canResolve: draft.canResolveComments };
  const commentsOn = (blockId: string) => <BlockComments threads={draft.comments.filter((c) => c.blockId === blockId)} {...commenting} />;
  // Threads on blocks the draft no longer has (a deleted clause) stay readable at the end.
  const placed = new Set([...state.parts.map((p) => p.blockId), STANDARD_PART_IDS.participants, ...clauses.map((c) => c.blockId)]);
  const elsewhere = draft.comments.filter((c) => !placed.has(c.blockId));
  const row = (kind: string) => {
    const p = part(kind);
    return p ? <PartRow key={kind} part={p} state={state} editable={editable} comments={commentsOn(p.blockId)} /> : null;
  };

  return (
    <div className="editor">
      {/* In the sticky toolbar: a reload puts the page back where it was, and the offer must be seen there. */}
      <EditorToolbar draft={draft} state={state} onNotice={(text) => setNotice({ text })} onProblem={setProblem}>
        {state.restorable.length > 0 && (
          <div className="notice notice--warn actions" role="alert" data-testid="restore-unsaved">
            <span>{t("unsavedFound", { fields: state.restorable.map((r) => fieldName(r.field)).join(", ") })}</span>
            {editable && (
              <button type="button" className="button button--small" onClick={state.restore}>
                {t("restoreUnsaved")}
              </button>
            )}
            <button type="button" className="button button--small button--quiet" onClick={state.discard}>
              {t("discardUnsaved")}
            </button>
          </div>
        )}
      </EditorToolbar>
      {problem && (
        <p className="notice notice--error" role="alert">
          {te(problem.code, problem.params)}
        </p>
      )}
      {notice && (
        <p className="notice notice--ok actions" role="status">
          <span>{notice.text}</span>
          {notice.undo && (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={async () => {
                const clauseId = notice.undo!;
                setNotice(null);
                await structural(() => restoreClauseAction(id, clauseId));
              }}
            >
              {t("undo")}
            </button>
          )}
        </p>
      )}
      {!editable && <p className="notice">{t("readOnly", { status: tStatus(draft.communique.status) })}</p>}
      <div className="editor-layout">
        <div>
          <section className="card" aria-labelledby="standard-parts">
            <h2 id="standard-parts">{t("standardParts")}</h2>
            <ul className="rows">
              {row("title")}
              {row("meetingLine")}
              {row("preamble")}
              <li className="clause-row clause-row--part">
                <div className="clause-row__tools">
                  <span className="clause-row__number">{t("partParticipants")}</span>
                </div>
                <p className="meta">
                  {t("participantsNote")} <Link href={`/meetings/${draft.communique.meetingId}`}>{t("editMeeting")}</Link>
                </p>
                {commentsOn(STANDARD_PART_IDS.participants)}
              </li>
              {row("topics")}
            </ul>
          </section>
          <section className="card" aria-labelledby="clauses-title">
            <div className="actions">
              <h2 id="clauses-title">{t("clauses")}</h2>
              {editable && (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={draft.communique.numberClauses}
                    onChange={(e) => void structural(() => setNumberingAction(id, e.target.checked))}
                  />
                  {t("numbering")}
                </label>
              )}
            </div>
            {clauses.length === 0 && <p className="meta">{t("noClauses")}</p>}
            <DndContext
              // A fixed id: generated ones differ between the server and the browser, and the
              // handles' description would point to nothing.
              id="clauses"
              sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t("dragInstructions") } }}>
              <SortableContext items={clauses.map((c) => c.id)} strategy={verticalListSortingStrategy}>
                <ol className="rows">
                  {clauses.map((clause, index) => (
                    <ClauseRow
                      key={clause.id}
                      clause={clause}
                      index={index}
                      count={clauses.length}
                      state={state}
                      editable={editable}
                      onMove={(to) => void move(clause.id, to)}
                      onDelete={() => void remove(clause.id)}
                      onSaveToLibrary={() => setLibraryFor(clause.id)}
                      comments={commentsOn(clause.blockId)}
                    />
                  ))}
                </ol>
              </SortableContext>
            </DndContext>
            {libraryFor && (
              <div className="card inline-form">
                <div className="field">
                  <label htmlFor="save-library-topic">{t("topic")}</label>
                  <select id="save-library-topic" value={libraryTopic} onChange={(e) => setLibraryTopic(e.target.value)}>
                    <option value="">{t("topicNone")}</option>
                    {topics.map((topic) => (
                      <option key={topic.id} value={topic.id}>
                        {locale === "ja" ? topic.nameJa : topic.nameRu}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="actions">
                  <button
                    type="button"
                    className="button"
                    onClick={async () => {
                      await state.flush();
                      const result = await saveToLibraryAction({ clauseId: libraryFor, ...(libraryTopic ? { topicId: libraryTopic } : {}) });
                      setProblem(result.ok ? null : result);
                      if (result.ok) setNotice({ text: t("savedToLibrary") });
                      setLibraryFor(null);
                    }}
                  >
                    {t("saveToLibrary")}
                  </button>
                  <button type="button" className="button button--quiet" onClick={() => setLibraryFor(null)}>
                    {tc("cancel")}
                  </button>
                </div>
              </div>
            )}
            {editable && (
              <button type="button" className="button button--quiet" onClick={() => void structural(() => insertClauseAction({ communiqueId: id, position: clauses.length }))}>
                {t("addEmpty")}
              </button>
            )}
          </section>
          <section className="card" aria-labelledby="closing-parts">
            <h2 id="closing-parts" className="visually-hidden-heading">
              {t("partClosing")}
            </h2>
            <ul className="rows">
              {row("closing")}
              {row("formula")}
            </ul>
          </section>
          {elsewhere.length > 0 && (
            <section className="card" aria-labelledby="comments-elsewhere">
              <h2 id="comments-elsewhere">{tcm("elsewhere")}</h2>
              {elsewhere.map((thread) => (
                <CommentThread key={thread.id} thread={thread} where={tcm("unknownBlock")} {...commenting} />
              ))}
            </section>
          )}
        </div>
        {editable && (
          <LibraryPanel
            topics={topics}
            clauseCount={clauses.length}
            inDraft={new Set(clauses.flatMap((c) => (c.libraryClauseId ? [c.libraryClauseId] : [])))}
            onInsert={async (libraryClauseId, position) => {
              await structural(() => insertClauseAction({ communiqueId: id, position, libraryClauseId }));
            }}
          />
        )}
      </div>
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t("preview")}</h2>
        <ParallelPreview content={content} />
      </section>
    </div>
  );
}
