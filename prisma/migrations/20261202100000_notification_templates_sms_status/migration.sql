-- AlterTable
ALTER TABLE "NotificationMessage" ADD COLUMN "deliveryStatus" TEXT;
ALTER TABLE "NotificationMessage" ADD COLUMN "deliveryStatusAt" DATETIME;

-- CreateIndex
CREATE INDEX "NotificationMessage_providerMessageId_idx" ON "NotificationMessage"("providerMessageId");

-- CreateTable
CREATE TABLE "NotificationTemplate" (
    "shop" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT,
    "heading" TEXT,
    "intro" TEXT,
    "sms" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "trigger", "channel", "locale")
);
