import type { FieldRow, FieldSpec } from "@/components/ui/action-form";
import type { EntryKind } from "@/lib/directory/entry-input";

type T = (key: string) => string;
type Values = Partial<Record<"side" | "nameRu" | "nameJa" | "nameLocativeRu" | "nameGenitiveRu" | "email" | "locale", string | null>>;

/** The fields of a directory entry of this kind, shared by the create and edit forms. */
export function entryFieldRows(kind: EntryKind, t: T, tc: T, values: Values = {}): FieldRow[] {
  const text = (name: keyof Values, label: string, lang?: "ru" | "ja"): FieldSpec => ({ name, label, defaultValue: values[name] ?? "", lang });
  const side: FieldSpec = {
    name: "side",
    label: t("side"),
    type: "select",
    defaultValue: values.side ?? "RU",
    options: (["RU", "JP"] as const).map((s) => ({ value: s, label: tc(`side${s}`) })),
  };
  switch (kind) {
    case "city":
      return [side, [text("nameRu", t("nameRu"), "ru"), text("nameJa", t("nameJa"), "ja")], text("nameLocativeRu", t("nameLocativeRu"), "ru")];
    case "association":
      return [side, [text("nameRu", t("nameRu"), "ru"), text("nameJa", t("nameJa"), "ja")], text("nameGenitiveRu", t("nameGenitiveRu"), "ru")];
    case "person": {
      const locale: FieldSpec = {
        name: "locale",
        label: t("locale"),
        type: "select",
        defaultValue: values.locale ?? "ru",
        options: (["ru", "ja", "en"] as const).map((l) => ({ value: l, label: tc(l === "en" ? "english" : l === "ru" ? "russian" : "japanese") })),
      };
      return [
        side,
        [text("nameRu", t("personNameRu"), "ru"), text("nameJa", t("personNameJa"), "ja")],
        [{ ...text("email", t("email")), type: "email", autoComplete: "off" }, locale],
      ];
    }
    case "topic":
      return [[text("nameRu", t("nameRu"), "ru"), text("nameJa", t("nameJa"), "ja")]];
  }
}
