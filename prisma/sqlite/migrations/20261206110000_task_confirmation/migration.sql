-- #19: a reported completion waiting for the assigner's confirmation (docs/decisions/015); the status is
-- TEXT on SQLite, so AWAITING_CONFIRMATION needs no change to it

-- AlterTable
ALTER TABLE "Task" ADD COLUMN "requiresConfirmation" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Task" ADD COLUMN "completionChatId" BIGINT;
ALTER TABLE "Task" ADD COLUMN "confirmedAt" DATETIME;
ALTER TABLE "Task" ADD COLUMN "confirmedById" INTEGER;
