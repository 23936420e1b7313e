import type { AuditSubjects } from "../audit-events";

/** From the approved text to the sealed PDF: signing opened, signatures given or withdrawn, the document made. */
export interface SigningEvents {
  "signing.opened": { revision: string; hash: string; round: number };
  "signing.declined": { signatory: string; revision: string };
  "signing.code_locked": { token: string };
  /** `image`: the SHA-256 of the signature image, null for a typed name. */
  "signature.recorded": {
    signature: string;
    signatory: string;
    method: "DRAWN" | "TYPED" | "SEAL";
    confirmedBy: "code" | "password";
    revisionHash: string;
    ip: string;
    image: string | null;
  };
  "signature.withdrawn": { signature: string; signatory: string; round: number; reason: string };
  /** `signatory`: whose stored signature image the PDF could not take, when that was the cause. */
  "finalisation.failed": { code: "BAD_IMAGE" | "FINALISATION_FAILED"; signatory: string | null; message: string };
  "communique.signed": { revision: string; sha256: string };
}

export const SIGNING_SUBJECTS = {
  "signing.opened": "Communique",
  "signing.declined": "Communique",
  "signing.code_locked": "Communique",
  "signature.recorded": "Communique",
  "signature.withdrawn": "Communique",
  "finalisation.failed": "Communique",
  "communique.signed": "Communique",
} as const satisfies AuditSubjects<SigningEvents>;
