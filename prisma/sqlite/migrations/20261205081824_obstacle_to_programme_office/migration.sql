-- AlterTable
ALTER TABLE "Programme" ADD COLUMN "officeUnitId" INTEGER;

-- AlterTable
ALTER TABLE "Obstacle" ADD COLUMN "requestId" INTEGER;

-- CreateIndex
CREATE INDEX "Obstacle_requestId_idx" ON "Obstacle"("requestId");

