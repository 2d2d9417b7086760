-- CreateTable
CREATE TABLE "CannotMeetReport" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "amountVnd" BIGINT NOT NULL,
    "projects" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "reportedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "CannotMeetReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReallocationDecision" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "programmeId" INTEGER NOT NULL,
    "fromUnitId" INTEGER NOT NULL,
    "toUnitId" INTEGER NOT NULL,
    "amountVnd" BIGINT NOT NULL,
    "decisionNo" TEXT NOT NULL DEFAULT '',
    "decidedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReallocationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Obstacle" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "openedById" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolution" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Obstacle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "loggedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WrittenRequest" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "departmentUnitId" INTEGER NOT NULL,
    "docNo" TEXT NOT NULL,
    "sentOn" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "answeredAt" TIMESTAMP(3),
    "answerNote" TEXT NOT NULL DEFAULT '',
    "sentToCentralAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WrittenRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Broadcast" (
    "id" SERIAL NOT NULL,
    "text" TEXT NOT NULL,
    "audience" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "createdById" INTEGER,
    "chatId" BIGINT NOT NULL,
    "progressMessageId" BIGINT,
    "scheduledAt" TIMESTAMP(3),
    "overrideQuietHours" BOOLEAN NOT NULL DEFAULT false,
    "total" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Broadcast_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PendingInput" (
    "id" SERIAL NOT NULL,
    "chatId" BIGINT NOT NULL,
    "userId" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PendingInput_pkey" PRIMARY KEY ("id")
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

