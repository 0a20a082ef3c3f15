-- AlterTable
ALTER TABLE "DecisionVersion" ADD COLUMN     "reevaluatedRecommended" VARCHAR(20),
ADD COLUMN     "reevaluatedWith" VARCHAR(80),
ADD COLUMN     "wouldChange" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "DecisionVersion_engineVersion_reevaluatedWith_idx" ON "DecisionVersion"("engineVersion", "reevaluatedWith");

-- CreateIndex
CREATE INDEX "DecisionVersion_wouldChange_reevaluatedWith_submittedAt_idx" ON "DecisionVersion"("wouldChange", "reevaluatedWith", "submittedAt");

