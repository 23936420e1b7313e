/**
 * Thrown when checking an uploaded file would take more work than a public page may spend on
 * it: too much time, too many objects or too deep a nesting. The answer to the uploader is
 * "this file cannot be checked", never an internal error.
 */
export class SealCheckTooComplex extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SealCheckTooComplex";
  }
}

export interface WorkBudget {
  /** Throws SealCheckTooComplex once the time is spent. */
  check(): void;
}

/** A time budget measured from now, on the monotonic clock. */
export function workBudget(milliseconds: number, clock: () => number = () => performance.now()): WorkBudget {
  const deadline = clock() + milliseconds;
  return {
    check() {
      if (clock() > deadline) throw new SealCheckTooComplex(`The check took longer than ${milliseconds} ms`);
    },
  };
}
