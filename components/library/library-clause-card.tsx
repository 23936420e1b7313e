import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { saveLibraryClauseAction, setLibraryClauseRetiredAction } from "@/app/library/actions";
import { ActionForm } from "@/components/ui/action-form";
import { libraryClauseFields } from "./library-clause-fields";

type Topic = { id: string; nameRu: string; nameJa: string };
type Props = {
  clause: { id: string; topicId: string | null; textRu: string; textJa: string; retiredAt: Date | null };
  topics: Topic[];
  usedIn: { id: string; ordinal: string; number: number }[];
  editable: boolean;
};

/** One clause of the library: both texts side by side, the communiqués that took it, and its editing. */
export async function LibraryClauseCard({ clause, topics, usedIn, editable }: Props) {
  const [t, tc] = await Promise.all([getTranslations("library"), getTranslations("common")]);
  return (
    <li className="library-clause">
      <div className="bilingual">
        <p lang="ru">{clause.textRu}</p>
        <p lang="ja">{clause.textJa}</p>
      </div>
      <p className="muted">
        {usedIn.length === 0 ? t("unused") : t("usedIn")}{" "}
        {usedIn.map((c, index) => (
          <span key={c.id}>
            {index > 0 && ", "}
            <Link href={`/communiques/${c.id}`}>{t("communiqueOf", { ordinal: c.ordinal, number: c.number })}</Link>
          </span>
        ))}
      </p>
      {editable && (
        <div className="actions">
          <details className="editor">
            <summary>{tc("edit")}</summary>
            <ActionForm
              idPrefix={`clause-${clause.id}`}
              action={saveLibraryClauseAction}
              hidden={{ id: clause.id }}
              fields={libraryClauseFields(t, topics, clause)}
              submitLabel={tc("save")}
              successMessage={t("saved")}
            />
          </details>
          <ActionForm
            idPrefix={`retire-clause-${clause.id}`}
            action={setLibraryClauseRetiredAction}
            fields={[]}
            hidden={{ id: clause.id, retired: clause.retiredAt ? "false" : "true" }}
            submitLabel={clause.retiredAt ? t("restore") : t("retire")}
            successMessage={t("saved")}
            submitClassName="button button--quiet button--small"
          />
        </div>
      )}
    </li>
  );
}
