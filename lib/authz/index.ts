export { assertCan, can } from "./assert-can";
export { POLICY, type Action, type MeetingSubject } from "./policy";
