-- CreateTable
CREATE TABLE "ReturnLabelSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "provider" TEXT NOT NULL,
    "apiKeyCipher" TEXT,
    "apiKeyHint" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ReturnLabel_shop_shipmentId_idx" ON "ReturnLabel"("shop", "shipmentId");
