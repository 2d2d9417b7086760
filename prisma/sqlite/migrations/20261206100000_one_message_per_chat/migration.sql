-- One message per chat per check (ADR 009): escalations are sent first; a digest's numbered items.
-- AlterTable (ADD COLUMN, not a table rebuild: the outbox may hold many rows)
ALTER TABLE "OutboxMessage" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "DigestItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "outboxId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "taskId" INTEGER NOT NULL,
    "rung" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "DigestItem_taskId_idx" ON "DigestItem"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "DigestItem_outboxId_position_key" ON "DigestItem"("outboxId", "position");
