import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseFormPreview } from "@/components/directory/case-form-preview";
import { DirectoryTable } from "@/components/directory/directory-table";
import { entryFieldRows } from "@/components/directory/entry-fields";
import { ActionForm } from "@/components/ui/action-form";
import { requireActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/authz";
import { ENTRY_KINDS, type EntryKind } from "@/lib/directory/entry-input";
import { listDirectory } from "@/lib/directory/list-directory";
import { saveEntryAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("directory"))("title") };
}

type Props = { searchParams: Promise<{ kind?: string; q?: string; retired?: string }> };

export default async function DirectoryPage({ searchParams }: Props) {
  const actor = await requireActor("/directory");
  const [params, t, tc, te] = await Promise.all([searchParams, getTranslations("directory"), getTranslations("common"), getTranslations("errors")]);
  if (!can(actor, "directory.view")) {
    return (
      <p className="card" role="alert">
        {te("FORBIDDEN")}
      </p>
    );
  }
  const kind: EntryKind = ENTRY_KINDS.find((k) => k === params.kind) ?? "city";
  const retired = params.retired === "1";
  const q = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  const listing = await listDirectory(actor, kind, { q, retired });
  const otherList = `/directory?${new URLSearchParams({ kind, ...(q ? { q } : {}), ...(retired ? {} : { retired: "1" }) })}`;
  const newForm = (
    <ActionForm
      idPrefix={`new-${kind}`}
      action={saveEntryAction}
      fields={entryFieldRows(kind, t, tc)}
      hidden={{ kind }}
      submitLabel={tc("create")}
      successMessage={t("created")}
    />
  );
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="page-intro">{t("intro")}</p>
      <nav className="tabs" aria-label={t("title")}>
        {ENTRY_KINDS.map((k) => (
          <Link key={k} href={`/directory?kind=${k}`} aria-current={k === kind ? "page" : undefined} className="tab">
            {t(`kind${k}`)}
          </Link>
        ))}
      </nav>
      {can(actor, "directory.edit") && !retired && (
        // Keyed by kind: another tab gets a fresh, folded form, not the last tab's typing.
        <section key={kind} className="card" aria-labelledby="new-entry">
          <details className="editor">
            <summary id="new-entry">{t(`new${kind}`)}</summary>
            {kind === "city" || kind === "association" ? (
              <CaseFormPreview
                field={kind === "city" ? "nameLocativeRu" : "nameGenitiveRu"}
                template={t.raw(kind === "city" ? "previewCity" : "previewAssociation") as string}
                suggestedNote={t("suggested")}
              >
                {newForm}
              </CaseFormPreview>
            ) : (
              newForm
            )}
          </details>
        </section>
      )}
      <section className="card" aria-labelledby="entries">
        <h2 id="entries">{t(`kind${kind}`)}</h2>
        <form className="search-form" role="search" action="/directory">
          <input type="hidden" name="kind" value={kind} />
          {retired && <input type="hidden" name="retired" value="1" />}
          <label htmlFor="directory-q">{t("search")}</label>
          <input id="directory-q" name="q" type="search" defaultValue={q} maxLength={200} />
          <button type="submit" className="button button--quiet">
            {t("searchButton")}
          </button>
        </form>
        <p>
          <Link href={otherList}>{retired ? t("showActive") : t("showRetired")}</Link>
        </p>
        <DirectoryTable listing={listing} editable={can(actor, "directory.edit")} />
      </section>
    </>
  );
}
