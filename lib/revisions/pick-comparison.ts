/** What the history page compares, from its query string (`?a=<older>&b=<newer>`). */
export interface Comparison {
  /** The revisions the two pickers show. */
  older: string | undefined;
  newer: string | undefined;
  /** The two different revisions to compare, older first, if there are two. */
  pair: readonly [string, string] | null;
  /** The query named something that is not one revision of this communiqué. */
  unknown: boolean;
}

/**
 * The revisions asked for, or else the latest two. A link can name anything: a revision of another
 * communiqué, a mistyped id, a repeated parameter. Such a query compares nothing and says so.
 */
export function pickComparison(newestFirst: readonly string[], query: { a?: unknown; b?: unknown }): Comparison {
  const known = (value: unknown): value is string | undefined => value === undefined || (typeof value === "string" && newestFirst.includes(value));
  const { a, b } = query;
  if (!known(a) || !known(b)) return { older: newestFirst[1], newer: newestFirst[0], pair: null, unknown: true };
  const older = a ?? newestFirst[1];
  const newer = b ?? newestFirst[0];
  return { older, newer, pair: older !== undefined && newer !== undefined && older !== newer ? [older, newer] : null, unknown: false };
}
