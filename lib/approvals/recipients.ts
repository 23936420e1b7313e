import type { Tx } from "@/lib/db";

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: "ru" | "ja" | "en";
  role: "ADMIN" | "SECRETARIAT" | "DELEGATE";
}

export const asRecipient = (u: { id: string; email: string; displayName: string; locale: Recipient["locale"]; role: Recipient["role"] }): Recipient => ({
  userId: u.id,
  email: u.email,
  name: u.displayName,
  locale: u.locale,
  role: u.role,
});

/** The accounts that speak for these delegations: each head and, where named, the deputy. */
export async function headsOf(tx: Tx, delegationIds: string[]): Promise<Recipient[]> {
  const delegations = await tx.delegation.findMany({
    where: { id: { in: delegationIds } },
    select: { head: { select: { user: true } }, deputy: { select: { user: true } } },
  });
  const users = delegations.flatMap((d) => [d.head.user, d.deputy?.user]).filter((u) => u?.active);
  return users.map((u) => asRecipient(u!));
}

/** Secretariat members, who are told about decisions. */
export async function secretariat(tx: Tx): Promise<Recipient[]> {
  const users = await tx.user.findMany({ where: { role: "SECRETARIAT", active: true } });
  return users.map(asRecipient);
}

/** The accounts of a meeting's signatories. */
export async function signatoriesOf(tx: Tx, meetingId: string): Promise<Recipient[]> {
  const rows = await tx.signatory.findMany({ where: { meetingId }, orderBy: { position: "asc" }, select: { person: { select: { user: true } } } });
  return rows.map((r) => r.person.user).filter((u) => u?.active).map((u) => asRecipient(u!));
}
