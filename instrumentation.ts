// Runs once when a server instance starts: mail left unsent by an earlier process goes out,
// and the outbox and automatic reminders are looked at every minute. Each step is safe with
// several instances (rows are claimed; reminders are rate-limited under a lock).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { deliverSoon } = await import("@/lib/mail/deliver");
  const { autoRemind } = await import("@/lib/approvals/remind-pending");
  const { getSealCertificate } = await import("@/lib/seal/seal-certificate");
  // The association's seal exists from the first start (self-signed unless one is configured).
  void getSealCertificate().catch((error: unknown) => console.error("seal certificate unavailable", error));
  deliverSoon();
  const { finalisePending } = await import("@/lib/signatures/finalise");
  const timer = setInterval(() => {
    deliverSoon();
    void autoRemind().catch((error: unknown) => console.error("automatic reminders failed", error));
    void finalisePending().catch((error: unknown) => console.error("finalisation retry failed", error));
  }, 60_000);
  timer.unref();
}
