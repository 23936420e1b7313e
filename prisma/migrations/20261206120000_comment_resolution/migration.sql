-- A comment thread is resolved by the secretariat once the text answers it; a reply reopens it.
ALTER TABLE "Comment" ADD COLUMN "resolvedAt" TIMESTAMP(3);
ALTER TABLE "Comment" ADD COLUMN "resolvedById" TEXT;
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
