import type { State } from "@/lib/workflow/communique-workflow";
import type { AuditSubjects } from "../audit-events";

interface Decision {
  round: string;
  revisionHash: string;
  delegation: string;
  /** The head the decision counts for; `asDeputy` when the deputy took it in the head's place. */
  onBehalfOf: string;
  asDeputy: boolean;
}

/** The way to approval: submitted, sent round the heads step by step, decided. */
export interface ApprovalEvents {
  "communique.submitted": { revision: string; hash: string; status: State };
  /** `steps`: the delegations of each step, in the order the steps are asked. */
  "round.opened": { round: string; revision: string; steps: string[][] };
  "round.reminded": { round: string; delegations: string[] };
  "approval.approved": Decision;
  "approval.changes-requested": Decision;
  "communique.approved": { round: string; revisionHash: string };
}

export const APPROVAL_SUBJECTS = {
  "communique.submitted": "Communique",
  "round.opened": "Communique",
  "round.reminded": "Communique",
  "approval.approved": "Communique",
  "approval.changes-requested": "Communique",
  "communique.approved": "Communique",
} as const satisfies AuditSubjects<ApprovalEvents>;
