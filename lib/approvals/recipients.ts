import type { Tx } from "@/lib/db";

export interface Recipient {
  email: string;
  name: string;
  locale: "ru" | "ja" | "en";
}

/** The accounts that speak for these delegations: each head and, where named, the deputy. */
export async function headsOf(tx: Tx, delegationIds: string[]): Promise<Recipient[]> {
  const delegations = await tx.delegation.findMany({
    where: { id: { in: delegationIds } },
    select: { head: { select: { user: true } }, deputy: { select: { user: true } } },
  });
  const users = delegations.flatMap((d) => [d.head.user, d.deputy?.user]).filter((u) => u?.active);
  return users.map((u) => ({ email: u!.email, name: u!.displayName, locale: u!.locale }));
}

/** Secretariat members, who are told about decisions. */
export async function secretariat(tx: Tx): Promise<Recipient[]> {
  const users = await tx.user.findMany({ where: { role: "SECRETARIAT", active: true } });
  return users.map((u) => ({ email: u.email, name: u.displayName, locale: u.locale }));
}

/** The accounts of a meeting's signatories. */
export async function signatoriesOf(tx: Tx, meetingId: string): Promise<Recipient[]> {
  const rows = await tx.signatory.findMany({ where: { meetingId }, orderBy: { position: "asc" }, select: { person: { select: { user: true } } } });
  return rows.map((r) => r.person.user).filter((u) => u?.active).map((u) => ({ email: u!.email, name: u!.displayName, locale: u!.locale }));
}
