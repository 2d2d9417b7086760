-- AlterTable
ALTER TABLE "Task" ADD COLUMN "originalDueDate" TEXT;

-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "fromDueDate" TEXT NOT NULL,
    "newDueDate" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedById" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "decidedById" INTEGER,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ExtensionRequest_taskId_status_idx" ON "ExtensionRequest"("taskId", "status");

