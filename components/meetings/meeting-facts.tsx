import { getTranslations } from "next-intl/server";
import { Bilingual } from "@/components/ui/bilingual";
import { dateFormatter } from "@/components/ui/format-date";
import type { MeetingDetails } from "@/lib/meetings/get-meeting";

export async function MeetingFacts({ meeting }: { meeting: MeetingDetails }) {
  const [t, tc, formatDate] = await Promise.all([getTranslations("meeting"), getTranslations("common"), dateFormatter()]);
  const rows: [string, React.ReactNode][] = [
    [t("name"), <Bilingual key="n" ru={meeting.nameRu} ja={meeting.nameJa} />],
    [t("dates"), tc("dateRange", { start: formatDate(meeting.startDate), end: formatDate(meeting.endDate) })],
    [t("hostCity"), <Bilingual key="c" ru={meeting.hostCity.nameRu} ja={meeting.hostCity.nameJa} />],
    [t("hostCountry"), <Bilingual key="hc" ru={meeting.hostCountryRu} ja={meeting.hostCountryJa} />],
    [t("venue"), <Bilingual key="v" ru={meeting.venueRu} ja={meeting.venueJa} />],
    [t("inviting"), <Bilingual key="i" ru={meeting.invitingAssociation.nameRu} ja={meeting.invitingAssociation.nameJa} />],
    [t("guest"), <Bilingual key="g" ru={meeting.guestDelegationRu} ja={meeting.guestDelegationJa} />],
    [
      t("topics"),
      <ol key="t">
        {meeting.topics.map((mt) => (
          <li key={mt.id}>
            <Bilingual ru={`«${mt.titleRu}» (${mt.topic.nameRu})`} ja={`「${mt.titleJa}」（${mt.topic.nameJa}）`} />
          </li>
        ))}
      </ol>,
    ],
    [
      t("nextMeeting"),
      <Bilingual
        key="nm"
        ru={`${meeting.nextOrdinal}, ${meeting.nextYear}, ${meeting.nextCountryRu}`}
        ja={`${meeting.nextOrdinal}、${meeting.nextYear}年、${meeting.nextCountryJa}`}
      />,
    ],
    [t("signingDate"), formatDate(meeting.signingDate)],
    [t("signingPlace"), <Bilingual key="sp" ru={meeting.signingPlaceRu} ja={meeting.signingPlaceJa} />],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
