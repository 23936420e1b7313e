import type { AbstractIntlMessages } from "next-intl";

/**
 * The message namespaces client components translate with. Only these go to the browser, in
 * every page's React Server Components payload; server components read the rest on the
 * server. A client component names its namespace (`useTranslations("review")`), and a test
 * holds this list to what the client components use.
 */
export const CLIENT_NAMESPACES = ["board", "comments", "common", "editor", "errors", "header", "review", "route", "signIn", "signing", "status", "verify"] as const;

export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(CLIENT_NAMESPACES.flatMap((ns) => (ns in messages ? [[ns, messages[ns]!]] : [])));
}
