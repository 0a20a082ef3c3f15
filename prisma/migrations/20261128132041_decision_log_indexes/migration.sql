-- CreateIndex
CREATE INDEX "UseCase_title_idx" ON "UseCase"("title");

-- CreateIndex
CREATE INDEX "DecisionVersion_submittedAt_id_idx" ON "DecisionVersion"("submittedAt", "id");

-- CreateIndex
CREATE INDEX "DecisionVersion_reviewedAt_id_idx" ON "DecisionVersion"("reviewedAt", "id");

-- CreateIndex
CREATE INDEX "DecisionVersion_confidence_id_idx" ON "DecisionVersion"("confidence", "id");

-- CreateIndex
CREATE INDEX "DecisionVersion_monthlyCostUsd_id_idx" ON "DecisionVersion"("monthlyCostUsd", "id");

-- CreateIndex
CREATE INDEX "DecisionVersion_recommended_submittedAt_idx" ON "DecisionVersion"("recommended", "submittedAt");

-- CreateIndex
CREATE INDEX "DecisionVersion_approvedStrategy_submittedAt_idx" ON "DecisionVersion"("approvedStrategy", "submittedAt");

-- CreateIndex
CREATE INDEX "DecisionVersion_isOverride_submittedAt_idx" ON "DecisionVersion"("isOverride", "submittedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_seq_idx" ON "AuditEvent"("occurredAt", "seq");

