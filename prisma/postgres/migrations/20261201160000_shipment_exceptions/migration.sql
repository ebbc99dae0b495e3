-- CreateTable
CREATE TABLE "ShipmentException" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "shipmentId" TEXT,
    "openKey" TEXT,
    "evidence" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShipmentException_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ShipmentException_shop_openKey_key" ON "ShipmentException"("shop", "openKey");

-- CreateIndex
CREATE INDEX "ShipmentException_shop_resolvedAt_detectedAt_idx" ON "ShipmentException"("shop", "resolvedAt", "detectedAt");

-- CreateIndex
CREATE INDEX "ShipmentException_shop_orderId_idx" ON "ShipmentException"("shop", "orderId");
