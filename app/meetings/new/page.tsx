import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm, type FieldRow, type FieldSpec } from "@/components/ui/action-form";
import { requireActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/authz";
import { directoryChoices } from "@/lib/directory/list-directory";
import { listMeetings } from "@/lib/meetings/list-meetings";
import { newMeetingDefaults } from "@/lib/meetings/new-meeting-defaults";
import { createMeetingAction } from "./actions";
import { pairLabel } from "@/components/ui/name-pair";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("newMeeting"))("title") };
}

export default async function NewMeetingPage() {
  const actor = await requireActor("/meetings/new");
  const [t, tm, tc, te, locale] = await Promise.all([getTranslations("newMeeting"), getTranslations("meeting"), getTranslations("common"), getTranslations("errors"), getLocale()]);
  if (!can(actor, "meeting.create")) {
    return (
      <p className="card" role="alert">
        {te("FORBIDDEN")}
      </p>
    );
  }
  const [defaults, choices, meetings] = await Promise.all([newMeetingDefaults(actor), directoryChoices(actor), listMeetings(actor)]);
  const text = (name: keyof typeof defaults, label: string, lang?: "ru" | "ja"): FieldSpec => ({ name, label, defaultValue: defaults[name], lang });
  const pair = (name: string, label: string): [FieldSpec, FieldSpec] => [
    text(`${name}Ru` as keyof typeof defaults, `${label} — ${tc("russian")}`, "ru"),
    text(`${name}Ja` as keyof typeof defaults, `${label} — ${tc("japanese")}`, "ja"),
  ];
  const date = (name: string, label: string): FieldSpec => ({ name, label, type: "date" });
  const select = (name: string, label: string, entries: { id: string; nameRu: string; nameJa: string; side?: string }[], defaultValue = ""): FieldSpec => ({
    name,
    label,
    type: "select",
    defaultValue,
    options: [{ value: "", label: "—" }, ...entries.map((e) => ({ value: e.id, label: `${pairLabel(locale, e.nameRu, e.nameJa)}${e.side ? ` (${tc(`side${e.side}`)})` : ""}` }))],
  });
  const fields: FieldRow[] = [
    {
      name: "fromMeetingId",
      label: t("startFrom"),
      type: "select",
      defaultValue: defaults.fromMeetingId,
      options: [{ value: "", label: t("startEmpty") }, ...meetings.map((m) => ({ value: m.id, label: t("startFromMeeting", { ordinal: m.ordinal, number: m.number, city: m.hostCity.nameRu, cityJa: m.hostCity.nameJa }) }))],
    },
    [text("number", t("number")), text("ordinal", tm("ordinal"))],
    pair("name", tm("name")),
    select("hostCityId", tm("hostCity"), choices.cities),
    pair("hostCountry", tm("hostCountry")),
    [date("startDate", tm("startDate")), date("endDate", tm("endDate"))],
    pair("venue", tm("venue")),
    [
      select("invitingAssociationId", tm("inviting"), choices.associations, defaults.invitingAssociationId),
      select("guestAssociationId", t("guestAssociation"), choices.associations, defaults.guestAssociationId),
    ],
    pair("guestDelegation", t("guestDelegation")),
    pair("involvedCircles", t("involvedCircles")),
    [text("nextOrdinal", tm("nextOrdinal")), text("nextYear", tm("nextYear"))],
    pair("nextCountry", tm("nextCountry")),
    date("signingDate", tm("signingDate")),
    pair("signingPlace", tm("signingPlace")),
  ];
  return (
    <>
      <p>
        <Link href="/">← {tm("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="page-intro">{t("intro")}</p>
      <section className="card">
        <ActionForm idPrefix="meeting" action={createMeetingAction} fields={fields} submitLabel={t("create")} successMessage={t("created")} />
      </section>
    </>
  );
}
