-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "requiresEvidence" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "TaskEvidence" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "fileUniqueId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL DEFAULT '',
    "fileSize" INTEGER NOT NULL DEFAULT 0,
    "byId" INTEGER,
    "byTelegramId" BIGINT NOT NULL,
    "chatId" BIGINT NOT NULL,
    "messageId" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaskEvidence_taskId_idx" ON "TaskEvidence"("taskId");

