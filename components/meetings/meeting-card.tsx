import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { listMeetings } from "@/lib/meetings/list-meetings";
import { Bilingual } from "@/components/ui/bilingual";
import { dateFormatter } from "@/components/ui/format-date";
import { NamePair } from "@/components/ui/name-pair";

type MeetingRow = Awaited<ReturnType<typeof listMeetings>>[number];

export async function MeetingCard({ meeting }: { meeting: MeetingRow }) {
  const [t, tc, ts, formatDate] = await Promise.all([
    getTranslations("home"),
    getTranslations("common"),
    getTranslations("status"),
    dateFormatter(),
  ]);
  return (
    <li className="card meeting-card">
      <h2>
        <Link href={`/meetings/${meeting.id}`} aria-label={t("open", { ordinal: meeting.ordinal })}>
          {meeting.ordinal}
        </Link>
      </h2>
      <Bilingual ru={meeting.nameRu} ja={meeting.nameJa} />
      <p className="meta">
        <span>{tc("dateRange", { start: formatDate(meeting.startDate), end: formatDate(meeting.endDate) })}</span>
        <span>
          <NamePair ru={meeting.hostCity.nameRu} ja={meeting.hostCity.nameJa} />
        </span>
        <span>{t("delegations", { count: meeting._count.delegations })}</span>
        <span>{t("participants", { count: meeting._count.participants })}</span>
        <span>{t("signatories", { count: meeting._count.signatories })}</span>
      </p>
      <p className="meta">
        {meeting.communiques.length === 0 ? (
          <span>{t("noCommunique")}</span>
        ) : (
          meeting.communiques.map((c) => (
            <span key={c.id} className="badge">
              {t("communique", { status: ts(c.status) })}
            </span>
          ))
        )}
      </p>
    </li>
  );
}
