import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RevisionDiff } from "@/components/revisions/revision-diff";
import { requireActor } from "@/lib/auth/get-actor";
import { compareContents } from "@/lib/revisions/compare-contents";
import { getRevision, listRevisions } from "@/lib/revisions/list-revisions";
import { pickComparison } from "@/lib/revisions/pick-comparison";
import { shortHash } from "@/lib/revisions/revision-payload";
import { pageData } from "@/components/layout/page-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("revisions"))("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ a?: string | string[]; b?: string | string[] }> };

export default async function RevisionsPage({ params, searchParams }: Props) {
  const [{ id }, { a, b }] = await Promise.all([params, searchParams]);
  const actor = await requireActor(`/communiques/${id}/revisions`);
  const [t, format] = await Promise.all([getTranslations("revisions"), getFormatter()]);
  const loaded = await pageData(listRevisions(actor, id));
  if (!loaded.ok) return loaded.refusal;
  const data = loaded.data;
  const { revisions } = data;
  const { older, newer, pair, unknown } = pickComparison(revisions.map((r) => r.id), { a, b });
  const comparison = pair
    ? await Promise.all([getRevision(actor, id, pair[0]), getRevision(actor, id, pair[1])]).then(([x, y]) => ({
        a: x.number,
        b: y.number,
        diff: compareContents(x.payload.content, y.payload.content),
      }))
    : null;
  return (
    <>
      <p>
        <Link href={`/communiques/${id}`}>← {t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      {unknown && (
        <p className="notice" role="alert">
          {t("unknownRevision")}
        </p>
      )}
      {revisions.length === 0 ? (
        <p className="card">{t("none")}</p>
      ) : (
        <section className="card" aria-labelledby="list">
          <h2 id="list" className="visually-hidden-heading">
            {t("title")}
          </h2>
          <div className="table-wrap">
            <table className="data stackable">
              <thead>
                <tr>
                  <th scope="col">{t("number")}</th>
                  <th scope="col">{t("author")}</th>
                  <th scope="col">{t("time")}</th>
                  <th scope="col">{t("hash")}</th>
                  <th scope="col">{t("pdf")}</th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((r) => (
                  <tr key={r.id} data-revision={r.number}>
                    <td data-label={t("number")}>{r.number}</td>
                    <td data-label={t("author")}>{r.author.displayName}</td>
                    <td data-label={t("time")}>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td data-label={t("hash")}>
                      <code title={r.hash}>{shortHash(r.hash)}</code>
                    </td>
                    <td data-label={t("pdf")}>
                      <a href={`/communiques/${id}/revisions/${r.id}/pdf`}>{t("pdf")}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {revisions.length > 1 && (
            <form className="field-row compare-form" method="get">
              {([["a", t("older"), older], ["b", t("newer"), newer]] as const).map(([name, label, value]) => (
                <div className="field" key={name}>
                  <label htmlFor={name}>{label}</label>
                  <select id={name} name={name} defaultValue={value}>
                    {revisions.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.number} · {shortHash(r.hash)}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              <div className="actions">
                <button className="button" type="submit">
                  {t("compare")}
                </button>
              </div>
            </form>
          )}
        </section>
      )}
      {comparison && (
        <section aria-labelledby="comparison">
          <h2 id="comparison">{t("comparing", { a: comparison.a, b: comparison.b })}</h2>
          <RevisionDiff diff={comparison.diff} />
        </section>
      )}
    </>
  );
}
