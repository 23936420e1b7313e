export { assertCan, can } from "./assert-can";
export { LINK_SESSION_ACTIONS, POLICY, type Action, type MeetingSubject } from "./policy";
