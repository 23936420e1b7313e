import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CommuniqueSection } from "@/components/meetings/communique-section";
import { MeetingFacts } from "@/components/meetings/meeting-facts";
import { MeetingFactsForm } from "@/components/meetings/meeting-facts-form";
import { MissingAccounts } from "@/components/meetings/missing-accounts";
import { DelegationsTable, ParticipantsTable, SignatoriesTable, TopicsTable } from "@/components/meetings/people-tables";
import { requireActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/authz";
import { directoryChoices } from "@/lib/directory/list-directory";
import { isAppError } from "@/lib/errors/app-error";
import { getMeeting } from "@/lib/meetings/get-meeting";
import { allows } from "@/lib/workflow/communique-workflow";

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/meetings/${id}`);
  const t = await getTranslations("meeting");
  let meeting;
  try {
    meeting = await getMeeting(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") {
      return (
        <section className="card" role="alert">
          <h1>{t("forbidden")}</h1>
          <Link href="/">{t("back")}</Link>
        </section>
      );
    }
    throw error;
  }
  const mayEdit = can(actor, "meeting.edit");
  // Once a communiqué is approved, the meeting it was generated from no longer changes.
  const frozen = meeting.communiques.some((c) => !allows(c.status, "CHANGE_MEETING"));
  const editable = mayEdit && !frozen;
  // The pickers of the edit forms: only for those who may change the meeting now.
  const choices = editable ? await directoryChoices(actor) : null;
  return (
    <>
      <p>
        <Link href="/">← {t("back")}</Link>
      </p>
      <h1>{t("title", { ordinal: meeting.ordinal, number: meeting.number })}</h1>
      <CommuniqueSection meeting={meeting} canCreate={can(actor, "communique.create")} />
      {mayEdit && frozen && (
        <p className="card notice--warn" role="status">
          {t("frozen")}
        </p>
      )}
      {editable && <MissingAccounts meeting={meeting} />}
      <section className="card" aria-labelledby="facts">
        <h2 id="facts">{t("facts")}</h2>
        <MeetingFacts meeting={meeting} />
        {choices && <MeetingFactsForm meeting={meeting} choices={choices} />}
      </section>
      <section className="card" aria-labelledby="topics">
        <h2 id="topics">{t("topics")}</h2>
        <TopicsTable meeting={meeting} choices={choices} />
      </section>
      <section className="card" aria-labelledby="delegations">
        <h2 id="delegations">{t("delegations")}</h2>
        <DelegationsTable meeting={meeting} choices={choices} />
      </section>
      <section className="card" aria-labelledby="participants">
        <h2 id="participants">{t("participants")}</h2>
        <p className="page-intro">{t("participantsHint")}</p>
        <ParticipantsTable meeting={meeting} choices={choices} />
      </section>
      <section className="card" aria-labelledby="signatories">
        <h2 id="signatories">{t("signatories")}</h2>
        <p className="page-intro">{t("signatoriesHint")}</p>
        <SignatoriesTable meeting={meeting} choices={choices} />
      </section>
    </>
  );
}
