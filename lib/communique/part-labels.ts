/** The editor's message key naming each kind of block ("Преамбула"); a clause is named by its number instead. */
export const PART_LABEL_KEYS: Record<string, string> = {
  title: "partTitle",
  meetingLine: "partMeetingLine",
  preamble: "partPreamble",
  participants: "partParticipants",
  topics: "partTopics",
  closing: "partClosing",
  formula: "partFormula",
};
