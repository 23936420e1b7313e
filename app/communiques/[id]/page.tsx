import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ParallelPreview } from "@/components/document/parallel-preview";
import { DraftEditor } from "@/components/editor/draft-editor";
import { requireActor } from "@/lib/auth/get-actor";
import { can } from "@/lib/authz";
import { getDraft } from "@/lib/communiques/get-draft";
import { listTopics } from "@/lib/library/search-library";
import { pageData } from "@/components/layout/page-data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor"))("communique") };
}

export default async function CommuniquePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/communiques/${id}`);
  const t = await getTranslations("editor");
  const loaded = await pageData(getDraft(actor, id));
  if (!loaded.ok) return loaded.refusal;
  const draft = loaded.data;
  const title = t("title", { ordinal: draft.meeting.ordinal, number: draft.meeting.number });
  if (!can(actor, "communique.edit") && draft.communique.status !== "DRAFT") {
    redirect(["SIGNING", "SIGNED"].includes(draft.communique.status) ? `/communiques/${id}/sign` : `/communiques/${id}/review`);
  }
  if (!can(actor, "communique.edit")) {
    return (
      <>
        <p>
          <Link href={`/meetings/${draft.communique.meetingId}`}>← {draft.meeting.ordinal}</Link>
        </p>
        <h1>{title}</h1>
        <ParallelPreview content={draft.content} emphasis={actor.locale === "ja" ? "ja" : "ru"} />
      </>
    );
  }
  const topics = (await listTopics(actor)).map((topic) => ({ id: topic.id, nameRu: topic.nameRu, nameJa: topic.nameJa }));
  return (
    <>
      <p>
        <Link href={`/meetings/${draft.communique.meetingId}`}>← {draft.meeting.ordinal}</Link>
      </p>
      <h1>{title}</h1>
      <DraftEditor draft={draft} topics={topics} />
    </>
  );
}
