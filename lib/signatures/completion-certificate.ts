import type { CommuniqueContent } from "@/lib/communique/content";
import type { Tx } from "@/lib/db";
import type { CompletionCertificate } from "@/lib/pdf";

type SignatureRow = {
  signedAt: Date;
  ip: string;
  method: "DRAWN" | "TYPED" | "SEAL";
  signatory: { titleRu: string; titleJa: string; person: { nameRu: string; nameJa: string } };
};

const METHOD = {
  DRAWN: { ru: "нарисована", ja: "手書き" },
  TYPED: { ru: "напечатано имя", ja: "氏名入力" },
  SEAL: { ru: "печать", ja: "印影" },
} as const;

/** Who approved and who signed the revision, with when and from where, for the last page. */
export async function completionCertificate(
  tx: Tx,
  args: { communiqueId: string; revision: { id: string; number: number; hash: string }; signatures: SignatureRow[]; selfSigned: boolean; content: CommuniqueContent },
): Promise<CompletionCertificate> {
  const approvals = await tx.approval.findMany({
    where: { revisionId: args.revision.id, decision: "APPROVED" },
    orderBy: { createdAt: "asc" },
    include: { actor: { include: { person: true } }, onBehalfOf: true, delegation: { include: { city: true } } },
  });
  const head = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  return {
    title: { ru: "Лист подтверждения подписания", ja: "署名完了証明書" },
    revision: { number: args.revision.number, hash: args.revision.hash },
    auditHead: head?.hash ?? "",
    sealNote: args.selfSigned
      ? { ru: "Электронная печать: самоподписанный сертификат ассоциации", ja: "電子印：協会の自己署名証明書" }
      : { ru: "Электронная печать: сертификат ассоциации из конфигурации", ja: "電子印：設定された協会の証明書" },
    events: [
      ...approvals.map((a) => ({
        kind: "approval" as const,
        who: { ru: a.actor.person?.nameRu ?? a.actor.displayName, ja: a.actor.person?.nameJa ?? a.actor.displayName },
        role: { ru: `Глава делегации, ${a.delegation.city.nameRu}`, ja: `代表団長（${a.delegation.city.nameJa}）` },
        ...(a.onBehalfOfPersonId !== a.actor.personId ? { onBehalfOf: { ru: a.onBehalfOf.nameRu, ja: a.onBehalfOf.nameJa } } : {}),
        at: a.createdAt.toISOString(),
        ip: a.ip || "—",
      })),
      ...args.signatures.map((s) => ({
        kind: "signature" as const,
        who: { ru: s.signatory.person.nameRu, ja: s.signatory.person.nameJa },
        role: { ru: s.signatory.titleRu, ja: s.signatory.titleJa },
        at: s.signedAt.toISOString(),
        ip: s.ip,
        method: METHOD[s.method],
      })),
    ],
    generatedAt: new Date().toISOString(),
  };
}
