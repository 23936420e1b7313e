-- AlterTable
ALTER TABLE "Communique" ADD COLUMN "approvedRevisionId" TEXT;

-- AlterTable
ALTER TABLE "Signature" ALTER COLUMN "image" DROP NOT NULL,
ALTER COLUMN "imageType" DROP NOT NULL,
ADD COLUMN "typedName" TEXT;

-- AlterTable
ALTER TABLE "Approval" ADD COLUMN "ip" TEXT NOT NULL DEFAULT '';
