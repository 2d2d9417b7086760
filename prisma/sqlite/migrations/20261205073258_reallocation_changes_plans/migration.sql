-- AlterTable
ALTER TABLE "CannotMeetReport" ADD COLUMN "proposalDueOn" TEXT;

-- CreateTable
CREATE TABLE "PlanChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "decisionId" INTEGER NOT NULL,
    "deltaVnd" BIGINT NOT NULL,
    "beforeVnd" BIGINT NOT NULL,
    "afterVnd" BIGINT NOT NULL,
    "effectiveOn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReallocationDecision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "fromUnitId" INTEGER NOT NULL,
    "toUnitId" INTEGER NOT NULL,
    "amountVnd" BIGINT NOT NULL,
    "decisionNo" TEXT NOT NULL DEFAULT '',
    "decidedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "effectiveOn" TEXT,
    "source" TEXT NOT NULL DEFAULT 'CENTRAL',
    "kind" TEXT NOT NULL DEFAULT 'INVESTMENT'
);
INSERT INTO "new_ReallocationDecision" ("amountVnd", "createdAt", "decidedById", "decisionNo", "fromUnitId", "id", "programmeId", "toUnitId", "year") SELECT "amountVnd", "createdAt", "decidedById", "decisionNo", "fromUnitId", "id", "programmeId", "toUnitId", "year" FROM "ReallocationDecision";
DROP TABLE "ReallocationDecision";
ALTER TABLE "new_ReallocationDecision" RENAME TO "ReallocationDecision";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PlanChange_planId_idx" ON "PlanChange"("planId");

-- CreateIndex
CREATE INDEX "PlanChange_decisionId_idx" ON "PlanChange"("decisionId");

