-- #19: a reported completion waiting for the assigner's confirmation (docs/decisions/015)

-- AlterEnum
ALTER TYPE "TaskStatus" ADD VALUE 'AWAITING_CONFIRMATION';

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "completionChatId" BIGINT,
ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedById" INTEGER,
ADD COLUMN     "requiresConfirmation" BOOLEAN NOT NULL DEFAULT false;
