import type { FieldRow, FieldSpec } from "@/components/ui/action-form";

type T = (key: string) => string;
type Person = { id: string; nameRu: string; nameJa: string };
type Values = { displayName?: string; role?: string; locale?: string; personId?: string | null };

/** The fields an admin sets on an account, shared by the create and edit forms. */
export function userFieldRows(t: T, people: Person[], values: Values): FieldRow[] {
  const role: FieldSpec = {
    name: "role",
    label: t("role"),
    type: "select",
    defaultValue: values.role ?? "DELEGATE",
    options: ["ADMIN", "SECRETARIAT", "DELEGATE"].map((r) => ({ value: r, label: t(`role${r}`) })),
  };
  const locale: FieldSpec = {
    name: "locale",
    label: t("locale"),
    type: "select",
    defaultValue: values.locale ?? "ru",
    options: ["ru", "ja", "en"].map((l) => ({ value: l, label: t(`locale${l}`) })),
  };
  const person: FieldSpec = {
    name: "personId",
    label: t("person"),
    type: "select",
    defaultValue: values.personId ?? "",
    options: [{ value: "", label: t("noPerson") }, ...people.map((p) => ({ value: p.id, label: `${p.nameRu} / ${p.nameJa}` }))],
  };
  return [{ name: "displayName", label: t("displayName"), defaultValue: values.displayName ?? "" }, [role, locale], person];
}
