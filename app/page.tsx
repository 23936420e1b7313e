import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MeetingCard } from "@/components/meetings/meeting-card";
import { WaitingTasks } from "@/components/meetings/waiting-tasks";
import { waitingForMe } from "@/lib/approvals/waiting-for-me";
import { requireActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/authz";
import { listMeetings } from "@/lib/meetings/list-meetings";

export default async function HomePage() {
  const actor = await requireActor();
  // A session opened by an e-mailed link has one communiqué and nothing else to show.
  if (actor.linkScope) redirect(`/communiques/${actor.linkScope}`);
  const [meetings, tasks, t] = await Promise.all([listMeetings(actor), waitingForMe(actor), getTranslations("home")]);
  return (
    <>
      <div className="page-head">
        <h1>{t("title")}</h1>
        {can(actor, "meeting.create") && (
          <Link className="button" href="/meetings/new">
            {t("newMeeting")}
          </Link>
        )}
      </div>
      <WaitingTasks tasks={tasks} />
      {meetings.length === 0 ? (
        <p className="card">{t("empty")}</p>
      ) : (
        <ul className="card-list">
          {meetings.map((m) => (
            <MeetingCard key={m.id} meeting={m} />
          ))}
        </ul>
      )}
    </>
  );
}
