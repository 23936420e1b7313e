-- AlterTable
ALTER TABLE "FinalDocument" ADD COLUMN "sealFingerprint" TEXT;
