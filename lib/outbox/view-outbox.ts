import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/authz";
import { listOutbox } from "@/lib/mail/list-outbox";
import { redactSecrets } from "./redact-secrets";

/**
 * The newest messages of the outbox, for the secretariat: what was sent, what is waiting, what
 * failed — without the personal links and codes in them, which are their recipients' alone.
 */
export async function viewOutbox(actor: Actor | null, limit = 200) {
  assertCan(actor, "outbox.view");
  const rows = await listOutbox(limit);
  return rows.map((row) => ({ ...row, text: redactSecrets(row.text, row.kind) }));
}
