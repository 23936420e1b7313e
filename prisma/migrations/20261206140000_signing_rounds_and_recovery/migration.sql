-- Signing rounds: each opening of signing starts a round, and only signatures of the current
-- round count. A signature the secretariat withdraws stays as history, so the one-per-revision
-- key gives way to an index; one signature per signatory and round is kept under the row lock.
ALTER TABLE "Communique" ADD COLUMN "signingRound" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Signature" ADD COLUMN "round" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Signature" ADD COLUMN "withdrawnAt" TIMESTAMP(3);
DROP INDEX "Signature_revisionId_signatoryId_key";
CREATE INDEX "Signature_communiqueId_round_idx" ON "Signature"("communiqueId", "round");

-- Communiqués whose signing was opened are in round 1; of their signatures, those given since
-- the latest opening belong to it, earlier ones (before a decline) stay in round 0.
UPDATE "Communique" c SET "signingRound" = 1
  WHERE EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."subjectType" = 'Communique' AND e."subjectId" = c."id" AND e."action" = 'signing.opened');
UPDATE "Signature" s SET "round" = 1
  WHERE s."signedAt" >= (SELECT max(e."at") FROM "AuditEvent" e WHERE e."subjectType" = 'Communique' AND e."subjectId" = s."communiqueId" AND e."action" = 'signing.opened');

-- Why the final PDF could not be made, for the secretariat's status board.
CREATE TABLE "FinalisationFailure" (
    "communiqueId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "signatoryId" TEXT,
    "message" TEXT NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "FinalisationFailure_pkey" PRIMARY KEY ("communiqueId")
);

ALTER TABLE "FinalisationFailure" ADD CONSTRAINT "FinalisationFailure_communiqueId_fkey" FOREIGN KEY ("communiqueId") REFERENCES "Communique"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "FinalisationFailure" ADD CONSTRAINT "FinalisationFailure_signatoryId_fkey" FOREIGN KEY ("signatoryId") REFERENCES "Signatory"("id") ON DELETE SET NULL ON UPDATE CASCADE;
