-- CreateTable
CREATE TABLE "Deputy" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "officialId" INTEGER NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "validTo" TIMESTAMP(3),
    "createdById" INTEGER,

    CONSTRAINT "Deputy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Absence" (
    "id" SERIAL NOT NULL,
    "officialId" INTEGER NOT NULL,
    "fromDate" TEXT NOT NULL,
    "toDate" TEXT NOT NULL,
    "standInId" INTEGER,
    "reason" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),
    "cancelledById" INTEGER,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Deputy_unitId_programmeId_idx" ON "Deputy"("unitId", "programmeId");

-- CreateIndex
CREATE INDEX "Absence_toDate_idx" ON "Absence"("toDate");

-- CreateIndex
CREATE INDEX "Absence_officialId_idx" ON "Absence"("officialId");
