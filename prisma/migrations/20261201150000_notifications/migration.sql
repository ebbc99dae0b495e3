-- CreateTable
CREATE TABLE "NotificationMessage" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL PRIMARY KEY,
    "dedupeKey" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "shipmentId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "recipientHash" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "occurredAt" DATETIME NOT NULL,
    "sendAt" DATETIME NOT NULL,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "coalescedIntoId" TEXT,
    "locale" TEXT,
    "subject" TEXT,
    "providerMessageId" TEXT,
    "openCount" INTEGER NOT NULL DEFAULT 0,
    "clickCount" INTEGER NOT NULL DEFAULT 0,
    "firstOpenedAt" DATETIME,
    "firstClickedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "NotificationSuppression" (
    "shop" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "channel", "addressHash")
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "document" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "NotificationMessage_shop_dedupeKey_key" ON "NotificationMessage"("shop", "dedupeKey");

-- CreateIndex
CREATE INDEX "NotificationMessage_shop_orderId_createdAt_idx" ON "NotificationMessage"("shop", "orderId", "createdAt");

-- CreateIndex
CREATE INDEX "NotificationMessage_shop_status_sendAt_idx" ON "NotificationMessage"("shop", "status", "sendAt");

-- CreateIndex
CREATE INDEX "NotificationMessage_shop_trigger_createdAt_idx" ON "NotificationMessage"("shop", "trigger", "createdAt");

-- CreateIndex
CREATE INDEX "NotificationMessage_channel_recipientHash_idx" ON "NotificationMessage"("channel", "recipientHash");
