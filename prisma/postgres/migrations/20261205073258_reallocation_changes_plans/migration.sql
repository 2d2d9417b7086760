-- AlterTable
ALTER TABLE "CannotMeetReport" ADD COLUMN     "proposalDueOn" TEXT;

-- AlterTable
ALTER TABLE "ReallocationDecision" ADD COLUMN     "effectiveOn" TEXT,
ADD COLUMN     "kind" "CapitalKind" NOT NULL DEFAULT 'INVESTMENT',
ADD COLUMN     "source" "CapitalSource" NOT NULL DEFAULT 'CENTRAL';

-- CreateTable
CREATE TABLE "PlanChange" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "decisionId" INTEGER NOT NULL,
    "deltaVnd" BIGINT NOT NULL,
    "beforeVnd" BIGINT NOT NULL,
    "afterVnd" BIGINT NOT NULL,
    "effectiveOn" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanChange_planId_idx" ON "PlanChange"("planId");

-- CreateIndex
CREATE INDEX "PlanChange_decisionId_idx" ON "PlanChange"("decisionId");

