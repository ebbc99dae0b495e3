-- CreateTable
CREATE TABLE "ReturnLabelSettings" (
    "shop" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "apiKeyCipher" TEXT,
    "apiKeyHint" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReturnLabelSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateIndex
CREATE INDEX "ReturnLabel_shop_shipmentId_idx" ON "ReturnLabel"("shop", "shipmentId");
