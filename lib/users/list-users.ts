import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";

export async function listUsers(actor: Actor | null) {
  assertCan(actor, "user.manage");
  const [users, people] = await Promise.all([
    db.user.findMany({
      orderBy: [{ role: "asc" }, { email: "asc" }],
      include: { person: { select: { id: true, nameRu: true, nameJa: true } } },
    }),
    db.person.findMany({ orderBy: [{ side: "asc" }, { nameRu: "asc" }], select: { id: true, nameRu: true, nameJa: true } }),
  ]);
  return { users, people };
}
