-- DropIndex
DROP INDEX "Task_unitId_status_idx";

-- CreateIndex
CREATE INDEX "Task_unitId_status_completedAt_idx" ON "Task"("unitId", "status", "completedAt");

