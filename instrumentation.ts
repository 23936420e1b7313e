// Runs once when a server instance starts: mail left unsent by an earlier process goes out,
// and the outbox, automatic reminders and unfinished finalisations are looked at every
// JOBS_INTERVAL_MS (a minute by default). Each step is safe with several instances (rows are
// claimed; reminders are rate-limited under a lock; finalisation holds the communiqué's row lock).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Checked first: a bad value stops the start instead of leaving the jobs unscheduled.
  const intervalMs = jobsIntervalMs(process.env.JOBS_INTERVAL_MS);
  const { appUrlWarning } = await import("@/lib/mail/app-url");
  const warning = appUrlWarning();
  if (warning) console.warn(warning);
  const { deliverSoon } = await import("@/lib/mail/deliver");
  const { autoRemind } = await import("@/lib/approvals/remind-pending");
  const { getSealCertificate } = await import("@/lib/seal/seal-certificate");
  // The association's seal exists from the first start (self-signed unless one is configured).
  void getSealCertificate().catch((error: unknown) => console.error("seal certificate unavailable", error));
  deliverSoon();
  const { finalisePending } = await import("@/lib/signatures/finalise");
  const remind = oneRunAtATime(autoRemind, "automatic reminders failed");
  const finalise = oneRunAtATime(async () => {
    const done = await finalisePending();
    if (done > 0) console.info(`jobs: finalised ${done} communiqué(s) whose signatures were complete`);
  }, "finalisation retry failed");
  const timer = setInterval(() => {
    deliverSoon();
    remind();
    finalise();
  }, intervalMs);
  timer.unref();
}

const DEFAULT_JOBS_INTERVAL_MS = 60_000;
// Below a second the jobs would only keep the database busy; above a day is no schedule (and
// setInterval turns delays beyond 2^31 - 1 ms into 1 ms).
const MIN_JOBS_INTERVAL_MS = 1_000;
const MAX_JOBS_INTERVAL_MS = 86_400_000;

/** JOBS_INTERVAL_MS, a whole number of milliseconds; unset or empty means a minute. */
function jobsIntervalMs(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_JOBS_INTERVAL_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < MIN_JOBS_INTERVAL_MS || ms > MAX_JOBS_INTERVAL_MS) {
    throw new Error(`JOBS_INTERVAL_MS must be a whole number of milliseconds from ${MIN_JOBS_INTERVAL_MS} to ${MAX_JOBS_INTERVAL_MS}, not "${value}"`);
  }
  return ms;
}

/**
 * A job for each tick that skips the tick while its previous run is still going: with a short
 * interval a run (sealing several PDFs, say) can outlast it, and a second run in the same
 * process would only queue behind the first one's locks.
 */
function oneRunAtATime(job: () => Promise<unknown>, failure: string): () => void {
  let running = false;
  return () => {
    if (running) return;
    running = true;
    void job()
      .catch((error: unknown) => console.error(failure, error))
      .finally(() => {
        running = false;
      });
  };
}
