/**
 * What the outbox page shows of a message: everything but the secrets in it. A personal
 * sign-in link, an invitation, a reset link or a signing code lets its reader act as the
 * recipient; staff who read the outbox must not be able to.
 */
const MAILED_TOKEN = /(\/(?:l|invitation|reset-password)\/)[a-z0-9]{20,32}\.[A-Za-z0-9_-]{43}/g;
const CODE_LINE = /^(\s*)\d{6}(\s*)$/gm;
export const HIDDEN = "•••";

export function redactSecrets(text: string, kind: string): string {
  const links = text.replace(MAILED_TOKEN, `$1${HIDDEN}`);
  return kind === "signing-code" ? links.replace(CODE_LINE, `$1${HIDDEN}$2`) : links;
}
