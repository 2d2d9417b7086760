-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "directiveItemId" INTEGER;

-- CreateTable
CREATE TABLE "Directive" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "number" TEXT NOT NULL DEFAULT '',
    "issuedOn" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Directive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectiveItem" (
    "id" SERIAL NOT NULL,
    "directiveId" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DirectiveItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Directive_number_issuedOn_issuer_key" ON "Directive"("number", "issuedOn", "issuer");

-- CreateIndex
CREATE UNIQUE INDEX "DirectiveItem_directiveId_number_key" ON "DirectiveItem"("directiveId", "number");

-- CreateIndex
CREATE INDEX "Task_directiveItemId_idx" ON "Task"("directiveItemId");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_directiveItemId_fkey" FOREIGN KEY ("directiveItemId") REFERENCES "DirectiveItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectiveItem" ADD CONSTRAINT "DirectiveItem_directiveId_fkey" FOREIGN KEY ("directiveId") REFERENCES "Directive"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

