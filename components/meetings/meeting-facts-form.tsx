import { getLocale, getTranslations } from "next-intl/server";
import { updateMeetingAction } from "@/app/meetings/[id]/actions";
import { ActionForm, type FieldRow, type FieldSpec } from "@/components/ui/action-form";
import type { DirectoryChoices } from "@/lib/directory/list-directory";
import type { MeetingDetails } from "@/lib/meetings/get-meeting";
import { pairLabel } from "@/components/ui/name-pair";

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function MeetingFactsForm({ meeting, choices }: { meeting: MeetingDetails; choices: DirectoryChoices }) {
  const [t, tn, tc, locale] = await Promise.all([getTranslations("meeting"), getTranslations("newMeeting"), getTranslations("common"), getLocale()]);
  // The current choice stays offered even if it has been retired since.
  const select = (name: string, label: string, entries: { id: string; nameRu: string; nameJa: string }[], current: { id: string; nameRu: string; nameJa: string }): FieldSpec => ({
    name,
    label,
    type: "select",
    defaultValue: current.id,
    options: [current, ...entries.filter((e) => e.id !== current.id)].map((e) => ({ value: e.id, label: pairLabel(locale, e.nameRu, e.nameJa) })),
  });
  const pair = (name: string, label: string, ru: string, ja: string): FieldRow => [
    { name: `${name}Ru`, label: `${label} — ${tc("russian")}`, defaultValue: ru, lang: "ru" },
    { name: `${name}Ja`, label: `${label} — ${tc("japanese")}`, defaultValue: ja, lang: "ja" },
  ];
  const fields: FieldRow[] = [
    [
      { name: "ordinal", label: t("ordinal"), defaultValue: meeting.ordinal },
      { name: "nextOrdinal", label: t("nextOrdinal"), defaultValue: meeting.nextOrdinal },
    ],
    pair("name", t("name"), meeting.nameRu, meeting.nameJa),
    [
      { name: "startDate", label: t("startDate"), type: "date", defaultValue: iso(meeting.startDate) },
      { name: "endDate", label: t("endDate"), type: "date", defaultValue: iso(meeting.endDate) },
    ],
    select("hostCityId", t("hostCity"), choices.cities, meeting.hostCity),
    pair("venue", t("venue"), meeting.venueRu, meeting.venueJa),
    pair("hostCountry", t("hostCountry"), meeting.hostCountryRu, meeting.hostCountryJa),
    [
      select("invitingAssociationId", t("inviting"), choices.associations, meeting.invitingAssociation),
      select("guestAssociationId", tn("guestAssociation"), choices.associations, meeting.guestAssociation),
    ],
    pair("guestDelegation", tn("guestDelegation"), meeting.guestDelegationRu, meeting.guestDelegationJa),
    pair("involvedCircles", tn("involvedCircles"), meeting.involvedCirclesRu ?? "", meeting.involvedCirclesJa ?? ""),
    [
      { name: "nextYear", label: t("nextYear"), type: "number", defaultValue: String(meeting.nextYear) },
      { name: "signingDate", label: t("signingDate"), type: "date", defaultValue: iso(meeting.signingDate) },
    ],
    pair("nextCountry", t("nextCountry"), meeting.nextCountryRu, meeting.nextCountryJa),
    pair("signingPlace", t("signingPlace"), meeting.signingPlaceRu, meeting.signingPlaceJa),
  ];
  return (
    <details className="editor">
      <summary>{t("editFacts")}</summary>
      <ActionForm
        idPrefix="facts"
        action={updateMeetingAction.bind(null, meeting.id)}
        fields={fields}
        hidden={{ version: String(meeting.version) }}
        submitLabel={tc("save")}
        successMessage={t("saved")}
      />
    </details>
  );
}
