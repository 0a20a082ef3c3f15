-- CreateEnum
CREATE TYPE "AuditVerificationKind" AS ENUM ('FULL', 'INCREMENTAL');

-- CreateEnum
CREATE TYPE "AuditVerificationStatus" AS ENUM ('RUNNING', 'OK', 'BROKEN', 'FAILED');

-- AlterTable
ALTER TABLE "UseCase" ADD COLUMN     "draftContributorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "DecisionVersion" ADD COLUMN     "contributorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "AuditVerification" (
    "id" TEXT NOT NULL,
    "kind" "AuditVerificationKind" NOT NULL,
    "status" "AuditVerificationStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "startedById" VARCHAR(40),
    "startedByName" VARCHAR(120) NOT NULL,
    "process" VARCHAR(200) NOT NULL,
    "anchor" VARCHAR(20) NOT NULL,
    "anchorSeq" BIGINT NOT NULL,
    "targetSeq" BIGINT NOT NULL,
    "checkedSeq" BIGINT NOT NULL,
    "headHash" CHAR(64),
    "brokenAt" BIGINT,
    "reason" VARCHAR(20),
    "detail" VARCHAR(500),

    CONSTRAINT "AuditVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditVerification_kind_startedAt_idx" ON "AuditVerification"("kind", "startedAt");

-- CreateIndex
CREATE INDEX "AuditVerification_status_startedAt_idx" ON "AuditVerification"("status", "startedAt");


-- Versions made before contributors were recorded: their submitter is the one author known
-- to have changed their answers (the use case's creator is an author already).
UPDATE "DecisionVersion" SET "contributorIds" = ARRAY["submittedById"];
