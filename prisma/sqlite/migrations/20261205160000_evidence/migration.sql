-- CreateTable
CREATE TABLE "TaskEvidence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "fileUniqueId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL DEFAULT '',
    "fileSize" INTEGER NOT NULL DEFAULT 0,
    "byId" INTEGER,
    "byTelegramId" BIGINT NOT NULL,
    "chatId" BIGINT NOT NULL,
    "messageId" BIGINT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Task" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "programmeId" INTEGER,
    "project" TEXT NOT NULL DEFAULT '',
    "responsibleId" INTEGER NOT NULL,
    "dueDate" TEXT NOT NULL,
    "originalDueDate" TEXT,
    "requiresEvidence" BOOLEAN NOT NULL DEFAULT false,
    "docRef" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "completedAt" DATETIME,
    "completedById" INTEGER,
    "completionNote" TEXT NOT NULL DEFAULT '',
    "recurrence" TEXT NOT NULL DEFAULT '',
    "seriesId" INTEGER,
    "snoozedUntil" DATETIME,
    "directiveItemId" INTEGER,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Task_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Task_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Task_responsibleId_fkey" FOREIGN KEY ("responsibleId") REFERENCES "Official" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Task_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "Official" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Task_directiveItemId_fkey" FOREIGN KEY ("directiveItemId") REFERENCES "DirectiveItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Task" ("completedAt", "completedById", "completionNote", "createdAt", "createdById", "directiveItemId", "docRef", "dueDate", "id", "originalDueDate", "programmeId", "project", "recurrence", "responsibleId", "seriesId", "snoozedUntil", "status", "title", "unitId", "updatedAt") SELECT "completedAt", "completedById", "completionNote", "createdAt", "createdById", "directiveItemId", "docRef", "dueDate", "id", "originalDueDate", "programmeId", "project", "recurrence", "responsibleId", "seriesId", "snoozedUntil", "status", "title", "unitId", "updatedAt" FROM "Task";
DROP TABLE "Task";
ALTER TABLE "new_Task" RENAME TO "Task";
CREATE INDEX "Task_status_dueDate_idx" ON "Task"("status", "dueDate");
CREATE INDEX "Task_unitId_status_completedAt_programmeId_dueDate_idx" ON "Task"("unitId", "status", "completedAt", "programmeId", "dueDate");
CREATE INDEX "Task_responsibleId_status_idx" ON "Task"("responsibleId", "status");
CREATE INDEX "Task_directiveItemId_idx" ON "Task"("directiveItemId");
CREATE UNIQUE INDEX "Task_seriesId_dueDate_key" ON "Task"("seriesId", "dueDate");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TaskEvidence_taskId_idx" ON "TaskEvidence"("taskId");

