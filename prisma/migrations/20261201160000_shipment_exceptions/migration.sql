-- CreateTable
CREATE TABLE "ShipmentException" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "shipmentId" TEXT,
    "openKey" TEXT,
    "evidence" TEXT NOT NULL,
    "since" DATETIME NOT NULL,
    "detectedAt" DATETIME NOT NULL,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ShipmentException_shop_openKey_key" ON "ShipmentException"("shop", "openKey");

-- CreateIndex
CREATE INDEX "ShipmentException_shop_resolvedAt_detectedAt_idx" ON "ShipmentException"("shop", "resolvedAt", "detectedAt");

-- CreateIndex
CREATE INDEX "ShipmentException_shop_orderId_idx" ON "ShipmentException"("shop", "orderId");
