-- Carrier detection and carrier update sources (app/tracking/carriers, app/tracking/sources).
ALTER TABLE "Shipment" ADD COLUMN "trackingKey" TEXT;

-- CreateIndex
CREATE INDEX "Shipment_shop_trackingKey_idx" ON "Shipment"("shop", "trackingKey");

-- CreateTable
CREATE TABLE "CarrierSource" (
    "shop" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "webhookSecret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CarrierSource_pkey" PRIMARY KEY ("shop", "provider")
);

-- CreateTable
CREATE TABLE "CarrierUpdate" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "reason" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "CarrierUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CarrierUpdate_shop_provider_externalId_key" ON "CarrierUpdate"("shop", "provider", "externalId");

-- CreateIndex
CREATE INDEX "CarrierUpdate_status_receivedAt_idx" ON "CarrierUpdate"("status", "receivedAt");
