-- CreateTable
CREATE TABLE "Directive" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "number" TEXT NOT NULL DEFAULT '',
    "issuedOn" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DirectiveItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "directiveId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "DirectiveItem_directiveId_fkey" FOREIGN KEY ("directiveId") REFERENCES "Directive" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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
INSERT INTO "new_Task" ("completedAt", "completedById", "completionNote", "createdAt", "createdById", "docRef", "dueDate", "id", "programmeId", "project", "recurrence", "responsibleId", "seriesId", "snoozedUntil", "status", "title", "unitId", "updatedAt") SELECT "completedAt", "completedById", "completionNote", "createdAt", "createdById", "docRef", "dueDate", "id", "programmeId", "project", "recurrence", "responsibleId", "seriesId", "snoozedUntil", "status", "title", "unitId", "updatedAt" FROM "Task";
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
CREATE UNIQUE INDEX "Directive_number_issuedOn_issuer_key" ON "Directive"("number", "issuedOn", "issuer");

-- CreateIndex
CREATE UNIQUE INDEX "DirectiveItem_directiveId_number_key" ON "DirectiveItem"("directiveId", "number");

