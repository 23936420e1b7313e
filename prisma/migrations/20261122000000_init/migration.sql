-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SECRETARIAT', 'DELEGATE');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ru', 'ja', 'en');

-- CreateEnum
CREATE TYPE "Side" AS ENUM ('RU', 'JP');

-- CreateEnum
CREATE TYPE "CommuniqueStatus" AS ENUM ('DRAFT', 'IN_APPROVAL', 'CHANGES_REQUESTED', 'APPROVED', 'SIGNING', 'SIGNED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Decision" AS ENUM ('APPROVED', 'CHANGES_REQUESTED');

-- CreateEnum
CREATE TYPE "SignatureMethod" AS ENUM ('DRAWN', 'TYPED', 'SEAL');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'ru',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "personId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInFailure" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SignInFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Association" (
    "id" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameGenitiveRu" TEXT NOT NULL,
    CONSTRAINT "Association_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "City" (
    "id" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameLocativeRu" TEXT NOT NULL,
    CONSTRAINT "City_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "email" TEXT,
    "locale" "Locale" NOT NULL DEFAULT 'ru',
    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "ordinal" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "hostCityId" TEXT NOT NULL,
    "hostCountryRu" TEXT NOT NULL,
    "hostCountryJa" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "venueRu" TEXT NOT NULL,
    "venueJa" TEXT NOT NULL,
    "invitingAssociationId" TEXT NOT NULL,
    "guestAssociationId" TEXT NOT NULL,
    "guestDelegationRu" TEXT NOT NULL,
    "guestDelegationJa" TEXT NOT NULL,
    "involvedCirclesRu" TEXT,
    "involvedCirclesJa" TEXT,
    "nextOrdinal" TEXT NOT NULL,
    "nextYear" INTEGER NOT NULL,
    "nextCountryRu" TEXT NOT NULL,
    "nextCountryJa" TEXT NOT NULL,
    "signingDate" DATE NOT NULL,
    "signingPlaceRu" TEXT NOT NULL,
    "signingPlaceJa" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "cityId" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "position" INTEGER NOT NULL,
    "headPersonId" TEXT NOT NULL,
    "deputyPersonId" TEXT,
    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "titleRu" TEXT NOT NULL,
    "titleJa" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signatory" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "side" "Side" NOT NULL,
    "titleRu" TEXT NOT NULL,
    "titleJa" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "Signatory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaTopic" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    CONSTRAINT "AgendaTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingTopic" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "topicId" TEXT NOT NULL,
    "titleRu" TEXT NOT NULL,
    "titleJa" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "MeetingTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LibraryClause" (
    "id" TEXT NOT NULL,
    "topicId" TEXT,
    "textRu" TEXT NOT NULL,
    "textJa" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "LibraryClause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Communique" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "status" "CommuniqueStatus" NOT NULL DEFAULT 'DRAFT',
    "numberClauses" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Communique_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StandardPart" (
    "id" TEXT NOT NULL,
    "communiqueId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "textRu" TEXT,
    "textJa" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "editedAt" TIMESTAMP(3),
    CONSTRAINT "StandardPart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Clause" (
    "id" TEXT NOT NULL,
    "communiqueId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "textRu" TEXT NOT NULL,
    "textJa" TEXT NOT NULL,
    "ruChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "jaChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ruStale" BOOLEAN NOT NULL DEFAULT false,
    "jaStale" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "libraryClauseId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),
    CONSTRAINT "Clause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL,
    "communiqueId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalRound" (
    "id" TEXT NOT NULL,
    "communiqueId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    CONSTRAINT "ApprovalRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalStep" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "ApprovalStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalStepMember" (
    "id" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    CONSTRAINT "ApprovalStepMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "revisionHash" TEXT NOT NULL,
    "delegationId" TEXT NOT NULL,
    "actorUserId" TEXT NOT NULL,
    "onBehalfOfPersonId" TEXT NOT NULL,
    "decision" "Decision" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "communiqueId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "blockId" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signature" (
    "id" TEXT NOT NULL,
    "communiqueId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "revisionHash" TEXT NOT NULL,
    "signatoryId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "method" "SignatureMethod" NOT NULL,
    "image" BYTEA NOT NULL,
    "imageType" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Signature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FinalDocument" (
    "id" TEXT NOT NULL,
    "communiqueId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FinalDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewView" (
    "userId" TEXT NOT NULL,
    "communiqueId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewView_pkey" PRIMARY KEY ("userId", "communiqueId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "OutboxMail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    CONSTRAINT "OutboxMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_personId_key" ON "User"("personId");

-- CreateIndex
CREATE INDEX "SignInFailure_key_createdAt_idx" ON "SignInFailure"("key", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_number_key" ON "Meeting"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Delegation_meetingId_cityId_key" ON "Delegation"("meetingId", "cityId");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_meetingId_personId_key" ON "Participant"("meetingId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Signatory_meetingId_personId_key" ON "Signatory"("meetingId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaTopic_key_key" ON "AgendaTopic"("key");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingTopic_meetingId_topicId_key" ON "MeetingTopic"("meetingId", "topicId");

-- CreateIndex
CREATE UNIQUE INDEX "StandardPart_communiqueId_kind_key" ON "StandardPart"("communiqueId", "kind");

-- CreateIndex
CREATE INDEX "Clause_communiqueId_position_idx" ON "Clause"("communiqueId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Revision_communiqueId_number_key" ON "Revision"("communiqueId", "number");

-- CreateIndex
CREATE INDEX "Revision_hash_idx" ON "Revision"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalStep_roundId_position_key" ON "ApprovalStep"("roundId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalStepMember_stepId_delegationId_key" ON "ApprovalStepMember"("stepId", "delegationId");

-- CreateIndex
CREATE UNIQUE INDEX "Approval_roundId_revisionId_delegationId_key" ON "Approval"("roundId", "revisionId", "delegationId");

-- CreateIndex
CREATE UNIQUE INDEX "Signature_revisionId_signatoryId_key" ON "Signature"("revisionId", "signatoryId");

-- CreateIndex
CREATE UNIQUE INDEX "FinalDocument_communiqueId_key" ON "FinalDocument"("communiqueId");

-- CreateIndex
CREATE UNIQUE INDEX "FinalDocument_sha256_key" ON "FinalDocument"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectType_subjectId_idx" ON "AuditEvent"("subjectType", "subjectId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_hostCityId_fkey" FOREIGN KEY ("hostCityId") REFERENCES "City"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_invitingAssociationId_fkey" FOREIGN KEY ("invitingAssociationId") REFERENCES "Association"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_guestAssociationId_fkey" FOREIGN KEY ("guestAssociationId") REFERENCES "Association"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_cityId_fkey" FOREIGN KEY ("cityId") REFERENCES "City"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_headPersonId_fkey" FOREIGN KEY ("headPersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_deputyPersonId_fkey" FOREIGN KEY ("deputyPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signatory" ADD CONSTRAINT "Signatory_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signatory" ADD CONSTRAINT "Signatory_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTopic" ADD CONSTRAINT "MeetingTopic_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingTopic" ADD CONSTRAINT "MeetingTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "AgendaTopic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryClause" ADD CONSTRAINT "LibraryClause_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "AgendaTopic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Communique" ADD CONSTRAINT "Communique_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StandardPart" ADD CONSTRAINT "StandardPart_communiqueId_fkey" FOREIGN KEY ("communiqueId") REFERENCES "Communique"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Clause" ADD CONSTRAINT "Clause_communiqueId_fkey" FOREIGN KEY ("communiqueId") REFERENCES "Communique"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Clause" ADD CONSTRAINT "Clause_libraryClauseId_fkey" FOREIGN KEY ("libraryClauseId") REFERENCES "LibraryClause"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_communiqueId_fkey" FOREIGN KEY ("communiqueId") REFERENCES "Communique"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalRound" ADD CONSTRAINT "ApprovalRound_communiqueId_fkey" FOREIGN KEY ("communiqueId") REFERENCES "Communique"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalRound" ADD CONSTRAINT "ApprovalRound_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalStep" ADD CONSTRAINT "ApprovalStep_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ApprovalRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalStepMember" ADD CONSTRAINT "ApprovalStepMember_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "ApprovalStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalStepMember" ADD CONSTRAINT "ApprovalStepMember_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ApprovalRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_onBehalfOfPersonId_fkey" FOREIGN KEY ("onBehalfOfPersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_communiqueId_fkey" FOREIGN KEY ("communiqueId") REFERENCES "Communique"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_communiqueId_fkey" FOREIGN KEY ("communiqueId") REFERENCES "Communique"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_signatoryId_fkey" FOREIGN KEY ("signatoryId") REFERENCES "Signatory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signature" ADD CONSTRAINT "Signature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalDocument" ADD CONSTRAINT "FinalDocument_communiqueId_fkey" FOREIGN KEY ("communiqueId") REFERENCES "Communique"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinalDocument" ADD CONSTRAINT "FinalDocument_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewView" ADD CONSTRAINT "ReviewView_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewView" ADD CONSTRAINT "ReviewView_communiqueId_fkey" FOREIGN KEY ("communiqueId") REFERENCES "Communique"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewView" ADD CONSTRAINT "ReviewView_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

