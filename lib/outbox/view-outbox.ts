import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { listOutbox } from "@/lib/mail/list-outbox";

/** The newest messages of the outbox, for the secretariat: what was sent, what is waiting, what failed. */
export async function viewOutbox(actor: Actor | null, limit = 200) {
  assertCan(actor, "outbox.view");
  return listOutbox(limit);
}
