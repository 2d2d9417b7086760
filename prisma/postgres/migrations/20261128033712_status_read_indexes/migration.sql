-- DropIndex
DROP INDEX "CapitalPlan_year_idx";

-- DropIndex
DROP INDEX "DisbursementReport_unitId_programmeId_year_createdAt_idx";

-- DropIndex
DROP INDEX "Task_unitId_status_completedAt_idx";

-- CreateIndex
CREATE INDEX "CapitalPlan_year_unitId_idx" ON "CapitalPlan"("year", "unitId");

-- CreateIndex
CREATE INDEX "DisbursementReport_unitId_programmeId_year_source_kind_idx" ON "DisbursementReport"("unitId", "programmeId", "year", "source", "kind");

-- CreateIndex
CREATE INDEX "Task_unitId_status_completedAt_programmeId_dueDate_idx" ON "Task"("unitId", "status", "completedAt", "programmeId", "dueDate");

