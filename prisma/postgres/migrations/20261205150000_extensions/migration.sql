-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "originalDueDate" TEXT;

-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "fromDueDate" TEXT NOT NULL,
    "newDueDate" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "requestedById" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExtensionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExtensionRequest_taskId_status_idx" ON "ExtensionRequest"("taskId", "status");

