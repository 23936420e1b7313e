import type { FieldRow } from "@/components/ui/action-form";
import { MAX_CLAUSE_CHARS } from "@/lib/clauses/limits";

type T = (key: string) => string;
type Topic = { id: string; nameRu: string; nameJa: string };

/** The fields of a library clause: its topic and its two texts, side by side. */
export function libraryClauseFields(t: T, topics: Topic[], values: { topicId?: string | null; textRu?: string; textJa?: string }): FieldRow[] {
  return [
    {
      name: "topicId",
      label: t("topic"),
      type: "select",
      defaultValue: values.topicId ?? "",
      options: [{ value: "", label: t("noTopic") }, ...topics.map((topic) => ({ value: topic.id, label: `${topic.nameRu} / ${topic.nameJa}` }))],
    },
    [
      { name: "textRu", label: t("textRu"), type: "textarea", lang: "ru", defaultValue: values.textRu ?? "", maxLength: MAX_CLAUSE_CHARS },
      { name: "textJa", label: t("textJa"), type: "textarea", lang: "ja", defaultValue: values.textJa ?? "", maxLength: MAX_CLAUSE_CHARS },
    ],
  ];
}
