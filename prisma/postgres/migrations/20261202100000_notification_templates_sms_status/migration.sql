-- AlterTable
ALTER TABLE "NotificationMessage" ADD COLUMN "deliveryStatus" TEXT;
ALTER TABLE "NotificationMessage" ADD COLUMN "deliveryStatusAt" TIMESTAMP(3);

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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationTemplate_pkey" PRIMARY KEY ("shop", "trigger", "channel", "locale")
);
