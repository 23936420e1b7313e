-- Directory entries are retired, never deleted: old meetings and documents keep them,
-- pickers hide them.
ALTER TABLE "Association" ADD COLUMN "retiredAt" TIMESTAMP(3);
ALTER TABLE "City" ADD COLUMN "retiredAt" TIMESTAMP(3);
ALTER TABLE "Person" ADD COLUMN "retiredAt" TIMESTAMP(3);
ALTER TABLE "AgendaTopic" ADD COLUMN "retiredAt" TIMESTAMP(3);
ALTER TABLE "LibraryClause" ADD COLUMN "retiredAt" TIMESTAMP(3);
