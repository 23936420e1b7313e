import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { createCommuniqueAction } from "@/app/meetings/[id]/actions";
import type { MeetingDetails } from "@/lib/meetings/get-meeting";

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
        <form action={createCommuniqueAction.bind(null, meeting.id)}>
          <button className="button" type="submit">
            {t("createCommunique")}
          </button>
        </form>
      ) : (
        <p className="meta">{th("noCommunique")}</p>
      )}
    </section>
  );
}
