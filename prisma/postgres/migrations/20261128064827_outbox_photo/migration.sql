-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "photo" BYTEA;

