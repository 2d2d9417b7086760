-- CreateTable
CREATE TABLE "ChatSend" (
    "id" SERIAL NOT NULL,
    "chatId" BIGINT NOT NULL,
    "instance" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatSend_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChatSend_chatId_at_idx" ON "ChatSend"("chatId", "at");
