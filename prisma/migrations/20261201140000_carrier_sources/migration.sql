-- Carrier detection and carrier update sources (app/tracking/carriers, app/tracking/sources).
ALTER TABLE "Shipment" ADD COLUMN "trackingKey" TEXT;

-- CreateIndex
CREATE INDEX "Shipment_shop_trackingKey_idx" ON "Shipment"("shop", "trackingKey");

-- CreateTable
CREATE TABLE "CarrierSource" (
    "shop" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "webhookSecret" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "provider")
);

-- CreateTable
CREATE TABLE "CarrierUpdate" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL PRIMARY KEY,
    "provider" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "reason" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "CarrierUpdate_shop_provider_externalId_key" ON "CarrierUpdate"("shop", "provider", "externalId");

-- CreateIndex
CREATE INDEX "CarrierUpdate_status_receivedAt_idx" ON "CarrierUpdate"("status", "receivedAt");
