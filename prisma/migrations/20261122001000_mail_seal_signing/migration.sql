-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'notice',
ADD COLUMN "locale" "Locale" NOT NULL DEFAULT 'ru',
ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ApprovalRound" ADD COLUMN "remindedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Secret" (
    "key" TEXT NOT NULL,
    "value" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Secret_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SignatureDecline" (
    "id" TEXT NOT NULL,
    "communiqueId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "signatoryId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignatureDecline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxMail_sentAt_createdAt_idx" ON "OutboxMail"("sentAt", "createdAt");

-- CreateIndex
CREATE INDEX "SignatureDecline_communiqueId_idx" ON "SignatureDecline"("communiqueId");
