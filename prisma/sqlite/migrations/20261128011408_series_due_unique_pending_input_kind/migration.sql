-- DropIndex
DROP INDEX "PendingInput_chatId_userId_key";

-- CreateIndex
CREATE UNIQUE INDEX "Task_seriesId_dueDate_key" ON "Task"("seriesId", "dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "PendingInput_chatId_userId_kind_key" ON "PendingInput"("chatId", "userId", "kind");

