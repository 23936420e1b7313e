import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { toRoman } from "@/lib/communique/roman";
import { db, type Side } from "@/lib/db";

const COUNTRY: Record<Side, { ru: string; ja: string }> = { RU: { ru: "Россия", ja: "ロシア" }, JP: { ru: "Япония", ja: "日本" } };
const other = (side: Side): Side => (side === "RU" ? "JP" : "RU");
/** Roman numerals end at 3999; past that the form leaves the ordinal to the user. */
const roman = (value: number) => (value <= 3999 ? toRoman(value) : "");

/**
 * What the "New meeting" form suggests, from the latest meeting: the next number, the other
 * side as host (the meetings alternate), the host side's association inviting the other's,
 * the guest delegation named after the guest association, and the meeting after it two years
 * on, back on this side. Everything stays editable.
 */
export async function newMeetingDefaults(actor: Actor | null) {
  assertCan(actor, "meeting.create");
  const [latest, associations] = await Promise.all([
    db.meeting.findFirst({ orderBy: { number: "desc" }, include: { hostCity: true } }),
    db.association.findMany({ where: { retiredAt: null }, orderBy: { nameRu: "asc" } }),
  ]);
  const number = (latest?.number ?? 0) + 1;
  const hostSide: Side = latest ? other(latest.hostCity.side) : "RU";
  // The latest meeting's two associations swap roles; any association of the right side otherwise.
  const ofSide = (side: Side) =>
    associations.find((a) => a.side === side && (a.id === latest?.invitingAssociationId || a.id === latest?.guestAssociationId)) ??
    associations.find((a) => a.side === side);
  const inviting = ofSide(hostSide);
  const guest = ofSide(other(hostSide));
  const year = latest ? latest.startDate.getUTCFullYear() + 2 : new Date().getUTCFullYear();
  return {
    number: String(number),
    ordinal: roman(number),
    nameRu: latest?.nameRu ?? "",
    nameJa: latest?.nameJa ?? "",
    hostSide,
    hostCountryRu: COUNTRY[hostSide].ru,
    hostCountryJa: COUNTRY[hostSide].ja,
    invitingAssociationId: inviting?.id ?? "",
    guestAssociationId: guest?.id ?? "",
    guestDelegationRu: guest?.nameGenitiveRu ?? "",
    guestDelegationJa: guest?.nameJa ?? "",
    involvedCirclesRu: latest?.involvedCirclesRu ?? "",
    involvedCirclesJa: latest?.involvedCirclesJa ?? "",
    nextOrdinal: roman(number + 1),
    nextYear: String(year + 2),
    nextCountryRu: COUNTRY[other(hostSide)].ru,
    nextCountryJa: COUNTRY[other(hostSide)].ja,
    fromMeetingId: latest?.id ?? "",
  };
}
