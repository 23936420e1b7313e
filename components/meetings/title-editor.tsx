import { getTranslations } from "next-intl/server";
import { updateTitleAction } from "@/app/meetings/[id]/actions";
import { ActionForm } from "@/components/ui/action-form";

type Props = { meetingId: string; kind: "participant" | "signatory"; id: string; titleRu: string; titleJa: string };

export async function TitleEditor({ meetingId, kind, id, titleRu, titleJa }: Props) {
  const [t, tc] = await Promise.all([getTranslations("meeting"), getTranslations("common")]);
  return (
    <details className="editor">
      <summary>{t("editTitle")}</summary>
      <ActionForm
        idPrefix={`${kind}-${id}`}
        action={updateTitleAction.bind(null, meetingId)}
        hidden={{ kind, id }}
        fields={[
          [
            { name: "titleRu", label: t("titleRu"), defaultValue: titleRu, lang: "ru" },
            { name: "titleJa", label: t("titleJa"), defaultValue: titleJa, lang: "ja" },
          ],
        ]}
        submitLabel={tc("save")}
        successMessage={t("saved")}
      />
    </details>
  );
}
