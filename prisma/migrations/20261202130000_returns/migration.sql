-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'outbound';

-- CreateTable
CREATE TABLE "ReturnCase" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT,
    "customerId" TEXT NOT NULL,
    "shopifyReturnId" TEXT,
    "name" TEXT,
    "status" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "method" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "itemsValue" TEXT NOT NULL,
    "fees" TEXT NOT NULL,
    "refundAmount" TEXT NOT NULL,
    "storeCreditAmount" TEXT NOT NULL,
    "bonusAmount" TEXT NOT NULL,
    "exchangeValue" TEXT NOT NULL,
    "amountDue" TEXT NOT NULL,
    "exchangeItems" TEXT NOT NULL DEFAULT '[]',
    "primaryReason" TEXT,
    "declineReason" TEXT,
    "declineNote" TEXT,
    "shopifyStatusAt" DATETIME,
    "requestedAt" DATETIME NOT NULL,
    "approvedAt" DATETIME,
    "receivedAt" DATETIME,
    "processedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "ReturnLine" (
    "shop" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "fulfillmentLineItemId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "value" TEXT NOT NULL,
    "keepIt" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("shop", "returnId", "fulfillmentLineItemId")
);

-- CreateTable
CREATE TABLE "ReturnPhoto" (
    "shop" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "returnId", "key")
);

-- CreateTable
CREATE TABLE "ReturnLabel" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "carrier" TEXT,
    "service" TEXT,
    "trackingNumber" TEXT,
    "trackingUrl" TEXT,
    "labelUrl" TEXT NOT NULL,
    "rate" TEXT,
    "rateCurrency" TEXT,
    "externalId" TEXT,
    "reverseDeliveryId" TEXT,
    "shipmentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "ReturnEvent" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "returnId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "dedupeKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReturnCase_shop_idempotencyKey_key" ON "ReturnCase"("shop", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnCase_shop_shopifyReturnId_key" ON "ReturnCase"("shop", "shopifyReturnId");

-- CreateIndex
CREATE INDEX "ReturnCase_shop_status_requestedAt_idx" ON "ReturnCase"("shop", "status", "requestedAt");

-- CreateIndex
CREATE INDEX "ReturnCase_shop_orderId_idx" ON "ReturnCase"("shop", "orderId");

-- CreateIndex
CREATE INDEX "ReturnCase_shop_customerId_idx" ON "ReturnCase"("shop", "customerId");

-- CreateIndex
CREATE INDEX "ReturnLabel_shop_returnId_idx" ON "ReturnLabel"("shop", "returnId");

-- CreateIndex
CREATE UNIQUE INDEX "ReturnEvent_shop_dedupeKey_key" ON "ReturnEvent"("shop", "dedupeKey");

-- CreateIndex
CREATE INDEX "ReturnEvent_shop_returnId_at_idx" ON "ReturnEvent"("shop", "returnId", "at");
