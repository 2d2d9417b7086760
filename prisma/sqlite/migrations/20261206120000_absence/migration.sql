-- CreateTable
CREATE TABLE "Deputy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "officialId" INTEGER NOT NULL,
    "validFrom" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validTo" DATETIME,
    "createdById" INTEGER
);

-- CreateTable
CREATE TABLE "Absence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "officialId" INTEGER NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "standInId" INTEGER,
    "reason" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" DATETIME,
    "cancelledById" INTEGER
);

-- CreateIndex
CREATE INDEX "Deputy_unitId_programmeId_idx" ON "Deputy"("unitId", "programmeId");

-- CreateIndex
CREATE INDEX "Absence_toDate_idx" ON "Absence"("toDate");

-- CreateIndex
CREATE INDEX "Absence_officialId_idx" ON "Absence"("officialId");
