-- People choose their own password from an invitation: until then an account has none.
ALTER TABLE "User" ALTER COLUMN "passwordHash" DROP NOT NULL;

CREATE TYPE "TokenKind" AS ENUM ('INVITATION', 'PASSWORD_RESET', 'SIGN_IN_LINK', 'SIGNING_CODE');
CREATE TYPE "SessionMethod" AS ENUM ('PASSWORD', 'LINK', 'INVITATION', 'RESET');

CREATE TABLE "AccessToken" (
    "id" TEXT NOT NULL,
    "kind" "TokenKind" NOT NULL,
    "userId" TEXT NOT NULL,
    "communiqueId" TEXT,
    "path" TEXT,
    "secretHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "AccessToken_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AccessToken_userId_kind_idx" ON "AccessToken"("userId", "kind");
ALTER TABLE "AccessToken" ADD CONSTRAINT "AccessToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "method" "SessionMethod" NOT NULL,
    "communiqueId" TEXT,
    "ip" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "UserSession_userId_endedAt_idx" ON "UserSession"("userId", "endedAt");
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
