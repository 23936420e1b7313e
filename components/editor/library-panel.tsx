"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { searchLibraryAction } from "@/app/communiques/[id]/actions";

type Topic = { id: string; nameRu: string; nameJa: string };
type Found = { id: string; textRu: string; textJa: string; topic: Topic | null };

type Props = {
  topics: Topic[];
  clauseCount: number;
  onInsert: (libraryClauseId: string, position: number) => Promise<void>;
  /** Library clauses the draft already took: marked, so that none goes in twice by mistake. */
  inDraft: ReadonlySet<string>;
};

/** Search the clause library in either language and insert a clause at a chosen place. */
export function LibraryPanel({ topics, clauseCount, onInsert, inDraft }: Props) {
  const t = useTranslations("editor");
  const locale = useLocale();
  const [q, setQ] = useState("");
  const [topicId, setTopicId] = useState("");
  const [position, setPosition] = useState(-1);
  const [found, setFound] = useState<Found[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, startTransition] = useTransition();
  const topicName = (topic: Topic | null) => (topic ? (locale === "ja" ? topic.nameJa : topic.nameRu) : t("topicNone"));

  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await searchLibraryAction({ q, ...(topicId ? { topicId } : {}) });
      setFailed(!result.ok);
      if (result.ok) setFound(result.data);
    }, 250);
    return () => clearTimeout(timer);
  }, [q, topicId]);

  const groups = new Map<string, Found[]>();
  for (const item of found ?? []) {
    const name = topicName(item.topic);
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
  const at = position < 0 ? clauseCount : position;

  return (
    <section className="card library" aria-labelledby="library-title">
      <h2 id="library-title">{t("library")}</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor="library-q">{t("search")}</label>
          <input id="library-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="library-topic">{t("topic")}</label>
          <select id="library-topic" value={topicId} onChange={(e) => setTopicId(e.target.value)}>
            <option value="">{t("allTopics")}</option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topicName(topic)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="library-position">{t("insertAt")}</label>
        <select id="library-position" value={position} onChange={(e) => setPosition(Number(e.target.value))}>
          <option value={-1}>{t("atEnd")}</option>
          <option value={0}>{t("atStart")}</option>
          {Array.from({ length: clauseCount }, (_, i) => (
            <option key={i} value={i + 1}>
              {t("afterClause", { n: i + 1 })}
            </option>
          ))}
        </select>
      </div>
      <p aria-live="polite" className="meta">
        {failed ? t("noResults") : found ? (found.length ? t("results", { count: found.length }) : t("noResults")) : null}
      </p>
      {[...groups.entries()].map(([name, items]) => (
        <div key={name}>
          <h3>{name}</h3>
          <ul className="library__list">
            {items.map((item) => (
              <li key={item.id} className="library__item" data-library-clause={item.id} data-in-draft={inDraft.has(item.id)}>
                {inDraft.has(item.id) && <span className="badge badge--warn">{t("alreadyInDraft")}</span>}
                <p lang="ru">{item.textRu}</p>
                <p lang="ja">{item.textJa}</p>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  onClick={() => startTransition(() => onInsert(item.id, at))}
                >
                  {t("insert")}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
