-- CreateTable
CREATE TABLE "NotificationMessage" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "shipmentId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "recipientHash" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "sendAt" TIMESTAMP(3) NOT NULL,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "coalescedIntoId" TEXT,
    "locale" TEXT,
    "subject" TEXT,
    "providerMessageId" TEXT,
    "openCount" INTEGER NOT NULL DEFAULT 0,
    "clickCount" INTEGER NOT NULL DEFAULT 0,
    "firstOpenedAt" TIMESTAMP(3),
    "firstClickedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationSuppression" (
    "shop" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationSuppression_pkey" PRIMARY KEY ("shop", "channel", "addressHash")
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "shop" TEXT NOT NULL,
    "document" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("shop")
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
