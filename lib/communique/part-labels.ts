/** The editor's message key naming each kind of block ("Преамбула"); a clause is named by its number instead. */
const PART_LABEL_KEYS: Record<string, string> = {
  title: "partTitle",
  meetingLine: "partMeetingLine",
  preamble: "partPreamble",
  participants: "partParticipants",
  topics: "partTopics",
  closing: "partClosing",
  formula: "partFormula",
};

/** A block as a reader names it: a clause by its number, a standard part by its kind. */
export type NamedBlock = { kind: "clause"; n: number } | { kind: "part"; part: string };

/** "Пункт 3" / "Преамбула", with the editor's messages (`t` of the "editor" namespace). */
export function blockName(t: (key: string, values?: { n: number }) => string, block: NamedBlock): string {
  return block.kind === "clause" ? t("clauseN", { n: block.n }) : t(PART_LABEL_KEYS[block.part] ?? "partTitle");
}
