/**
 * The communiqué's life as one pure table: state × event → next state. Use cases ask it
 * before they change anything; nothing else compares status strings.
 */
export const STATES = ["DRAFT", "IN_APPROVAL", "CHANGES_REQUESTED", "APPROVED", "SIGNING", "SIGNED", "CANCELLED"] as const;
export type State = (typeof STATES)[number];

export const EVENTS = [
  "EDIT", // change text, clauses, numbering (a new revision when it follows a submission)
  "CHANGE_MEETING", // change the meeting facts or people its generated parts come from
  "SAVE_REVISION",
  "COMMENT", // comment on a revision or reply in a thread: read-only once every head has approved
  "SUBMIT",
  "APPROVE_ALL", // the last step of the round is fully approved
  "REQUEST_CHANGES",
  "OPEN_SIGNING",
  "SIGN", // a signatory signs (the communiqué stays in SIGNING until the last one has)
  "WITHDRAW_SIGNATURE", // the secretariat asks a signatory to sign again
  "ALL_SIGNED",
  "DECLINE_SIGNING",
  "CANCEL",
] as const;
export type Event = (typeof EVENTS)[number];

const TABLE: Record<State, Partial<Record<Event, State>>> = {
  DRAFT: { EDIT: "DRAFT", CHANGE_MEETING: "DRAFT", SAVE_REVISION: "DRAFT", COMMENT: "DRAFT", SUBMIT: "IN_APPROVAL", CANCEL: "CANCELLED" },
  IN_APPROVAL: {
    EDIT: "IN_APPROVAL",
    CHANGE_MEETING: "IN_APPROVAL",
    SAVE_REVISION: "IN_APPROVAL",
    COMMENT: "IN_APPROVAL",
    APPROVE_ALL: "APPROVED",
    REQUEST_CHANGES: "CHANGES_REQUESTED",
    CANCEL: "CANCELLED",
  },
  CHANGES_REQUESTED: {
    EDIT: "CHANGES_REQUESTED",
    CHANGE_MEETING: "CHANGES_REQUESTED",
    SAVE_REVISION: "CHANGES_REQUESTED",
    COMMENT: "CHANGES_REQUESTED",
    SUBMIT: "IN_APPROVAL",
    CANCEL: "CANCELLED",
  },
  APPROVED: { OPEN_SIGNING: "SIGNING", CANCEL: "CANCELLED" },
  SIGNING: { SIGN: "SIGNING", WITHDRAW_SIGNATURE: "SIGNING", ALL_SIGNED: "SIGNED", DECLINE_SIGNING: "CHANGES_REQUESTED", CANCEL: "CANCELLED" },
  SIGNED: {},
  // A cancelled communiqué no longer follows its meeting.
  CANCELLED: { CHANGE_MEETING: "CANCELLED" },
};

export class TransitionRefused extends Error {
  constructor(
    readonly state: State,
    readonly event: Event,
  ) {
    super(`${event} is not allowed in ${state}`);
  }
}

/** The next state, or TransitionRefused when the table has no such cell. */
export function transition(state: State, event: Event): State {
  const next = TABLE[state]?.[event];
  if (!next) throw new TransitionRefused(state, event);
  return next;
}

export function allows(state: State, event: Event): boolean {
  return TABLE[state]?.[event] !== undefined;
}
