import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { createCommuniqueAction } from "@/app/meetings/[id]/actions";
import type { MeetingDetails } from "@/lib/meetings/get-meeting";
import { CreateCommuniqueForm } from "./create-communique-form";

/** The meeting's communiqué: open it, or (secretariat) start it. */
export async function CommuniqueSection({ meeting, canCreate }: { meeting: MeetingDetails; canCreate: boolean }) {
  const [t, ts, th] = await Promise.all([getTranslations("editor"), getTranslations("status"), getTranslations("home")]);
  const current = meeting.communiques.find((c) => c.status !== "CANCELLED");
  return (
    <section className="card" aria-labelledby="communique">
      <h2 id="communique">{t("communique")}</h2>
      {current ? (
        <p className="actions">
          <Link className="button" href={`/communiques/${current.id}`}>
            {t("openCommunique")}
          </Link>
          <span className="badge">{ts(current.status)}</span>
        </p>
      ) : canCreate ? (
        <CreateCommuniqueForm action={createCommuniqueAction.bind(null, meeting.id)} />
      ) : (
        <p className="meta">{th("noCommunique")}</p>
      )}
    </section>
  );
}
