// Runs once when a server instance starts: mail left unsent by an earlier process goes out,
// and the outbox, automatic reminders and unfinished finalisations are looked at every
// JOBS_INTERVAL_MS (a minute by default), and counted attempts no limit reads any more deleted. Each step is safe with several instances (rows are
// claimed; reminders are rate-limited under a lock; finalisation holds the communiqué's row lock).
export async function register() {
  // Not configuration: the bundler writes the runtime in, so the Edge build of this file drops
  // everything below, which only runs on Node.js. Read through a function, it could not.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Every setting is checked first: a bad one stops the start, with one line naming it, before
  // anything is scheduled.
  const { config } = await import("@/lib/config");
  const { jobsIntervalMs: intervalMs } = config();
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
  const { pruneCounters } = await import("@/lib/rate-limit/prune-counters");
  const prune = oneRunAtATime(pruneCounters, "pruning counted attempts failed");
  const timer = setInterval(() => {
    deliverSoon();
    remind();
    finalise();
    prune();
  }, intervalMs);
  timer.unref();
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
