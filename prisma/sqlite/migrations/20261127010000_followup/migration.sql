-- CreateTable
CREATE TABLE "CannotMeetReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "amountVnd" BIGINT NOT NULL,
    "projects" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "reportedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ReallocationDecision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "fromUnitId" INTEGER NOT NULL,
    "toUnitId" INTEGER NOT NULL,
    "amountVnd" BIGINT NOT NULL,
    "decisionNo" TEXT NOT NULL DEFAULT '',
    "decidedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Obstacle" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "openedById" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "resolution" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "loggedById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WrittenRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "departmentUnitId" INTEGER NOT NULL,
    "docNo" TEXT NOT NULL,
    "sentOn" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "answeredAt" DATETIME,
    "answerNote" TEXT NOT NULL DEFAULT '',
    "sentToCentralAt" DATETIME,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "text" TEXT NOT NULL,
    "audience" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "createdById" INTEGER,
    "chatId" BIGINT NOT NULL,
    "progressMessageId" BIGINT,
    "scheduledAt" DATETIME,
    "overrideQuietHours" BOOLEAN NOT NULL DEFAULT false,
    "total" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" DATETIME,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "PendingInput" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" BIGINT NOT NULL,
    "userId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '',
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "CannotMeetReport_year_status_idx" ON "CannotMeetReport"("year", "status");

-- CreateIndex
CREATE INDEX "Obstacle_status_idx" ON "Obstacle"("status");

-- CreateIndex
CREATE INDEX "Obstacle_taskId_idx" ON "Obstacle"("taskId");

-- CreateIndex
CREATE INDEX "Meeting_unitId_month_idx" ON "Meeting"("unitId", "month");

-- CreateIndex
CREATE INDEX "WrittenRequest_status_dueOn_idx" ON "WrittenRequest"("status", "dueOn");

-- CreateIndex
CREATE INDEX "WrittenRequest_departmentUnitId_status_idx" ON "WrittenRequest"("departmentUnitId", "status");

-- CreateIndex
CREATE INDEX "Broadcast_status_idx" ON "Broadcast"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PendingInput_chatId_userId_key" ON "PendingInput"("chatId", "userId");

