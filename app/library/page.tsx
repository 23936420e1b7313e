import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LibraryClauseCard } from "@/components/library/library-clause-card";
import { libraryClauseFields } from "@/components/library/library-clause-fields";
import { ActionForm } from "@/components/ui/action-form";
import { requireActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/authz";
import { libraryUsage, listTopics, searchLibrary } from "@/lib/library/search-library";
import { saveLibraryClauseAction } from "./actions";
import { NamePair, pairLabel } from "@/components/ui/name-pair";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("library"))("title") };
}

type Props = { searchParams: Promise<{ q?: string; topic?: string; retired?: string }> };

export default async function LibraryPage({ searchParams }: Props) {
  const actor = await requireActor("/library");
  const [params, t, tc, te, locale] = await Promise.all([searchParams, getTranslations("library"), getTranslations("common"), getTranslations("errors"), getLocale()]);
  if (!can(actor, "library.view")) {
    return (
      <p className="card" role="alert">
        {te("FORBIDDEN")}
      </p>
    );
  }
  const q = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  const retired = params.retired === "1";
  const topics = await listTopics(actor);
  const topicId = topics.some((topic) => topic.id === params.topic) ? params.topic : undefined;
  const clauses = await searchLibrary(actor, { q, retired, ...(topicId ? { topicId } : {}) });
  const usage = await libraryUsage(actor, clauses.map((c) => c.id));
  const editable = can(actor, "library.edit");
  // Grouped by topic, in the order of the topics; clauses without a topic come last.
  const groups = [...topics.map((topic) => ({ key: topic.id, topic })), { key: "", topic: null }]
    .map(({ key, topic }) => ({ key, topic, clauses: clauses.filter((c) => (c.topicId ?? "") === key) }))
    .filter((group) => group.clauses.length > 0);
  const otherList = `/library?${new URLSearchParams({ ...(q ? { q } : {}), ...(topicId ? { topic: topicId } : {}), ...(retired ? {} : { retired: "1" }) })}`;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="page-intro">{t("intro")}</p>
      {editable && !retired && (
        <section className="card" aria-labelledby="new-clause">
          <details className="editor">
            <summary id="new-clause">{t("newClause")}</summary>
            <ActionForm
              idPrefix="new-clause"
              action={saveLibraryClauseAction}
              fields={libraryClauseFields(t, topics, {})}
              submitLabel={tc("create")}
              successMessage={t("created")}
            />
          </details>
        </section>
      )}
      <section className="card" aria-labelledby="clauses">
        <h2 id="clauses">{retired ? t("retiredClauses") : t("clauses")}</h2>
        <form className="search-form" role="search" action="/library">
          {retired && <input type="hidden" name="retired" value="1" />}
          <label htmlFor="library-q">{t("search")}</label>
          <input id="library-q" name="q" type="search" defaultValue={q} maxLength={200} />
          <label htmlFor="library-topic" className="visually-hidden">
            {t("topic")}
          </label>
          <select id="library-topic" name="topic" defaultValue={topicId ?? ""}>
            <option value="">{t("allTopics")}</option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {pairLabel(locale, topic.nameRu, topic.nameJa)}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--quiet">
            {t("searchButton")}
          </button>
        </form>
        <p>
          <Link href={otherList}>{retired ? t("showActive") : t("showRetired")}</Link>
        </p>
        {groups.length === 0 && <p>{t("empty")}</p>}
        {groups.map((group) => (
          <section key={group.key} className="library-group" aria-label={group.topic ? pairLabel(locale, group.topic.nameRu, group.topic.nameJa) : t("noTopic")}>
            <h3>
              {group.topic ? (
                <>
                  <NamePair ru={group.topic.nameRu} ja={group.topic.nameJa} />
                </>
              ) : (
                t("noTopic")
              )}
            </h3>
            <ol className="library-list">
              {group.clauses.map((clause) => (
                <LibraryClauseCard key={clause.id} clause={clause} topics={topics} usedIn={usage.get(clause.id) ?? []} editable={editable} />
              ))}
            </ol>
          </section>
        ))}
      </section>
    </>
  );
}
