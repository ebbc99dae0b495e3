-- CreateTable
CREATE TABLE "Offer" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "document" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("shop", "id")
);

-- CreateTable
CREATE TABLE "OfferEvent" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "armId" TEXT NOT NULL,
    "surface" TEXT NOT NULL,
    "orderKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "firstAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferDecision" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "referenceId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "armId" TEXT NOT NULL,
    "customerId" TEXT,
    "purchaseKey" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPrice" TEXT NOT NULL,
    "discountedUnitPrice" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "decision" TEXT NOT NULL DEFAULT 'shown',
    "jti" TEXT,
    "changesetToken" TEXT,
    "signedAt" TIMESTAMP(3),
    "applyStatus" TEXT,
    "revenue" TEXT,
    "discountGiven" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferDiscountCode" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "discountId" TEXT,
    "title" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferDiscountCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Offer_shop_status_priority_idx" ON "Offer"("shop", "status", "priority");

-- CreateIndex
CREATE INDEX "OfferEvent_shop_offerId_kind_idx" ON "OfferEvent"("shop", "offerId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "OfferEvent_shop_offerId_armId_surface_orderKey_kind_key" ON "OfferEvent"("shop", "offerId", "armId", "surface", "orderKey", "kind");

-- CreateIndex
CREATE INDEX "OfferDecision_shop_offerId_decision_idx" ON "OfferDecision"("shop", "offerId", "decision");

-- CreateIndex
CREATE INDEX "OfferDecision_shop_offerId_customerId_decision_idx" ON "OfferDecision"("shop", "offerId", "customerId", "decision");

-- CreateIndex
CREATE INDEX "OfferDecision_shop_purchaseKey_idx" ON "OfferDecision"("shop", "purchaseKey");

-- CreateIndex
CREATE UNIQUE INDEX "OfferDecision_shop_referenceId_offerId_key" ON "OfferDecision"("shop", "referenceId", "offerId");

-- CreateIndex
CREATE INDEX "OfferDiscountCode_shop_customerId_idx" ON "OfferDiscountCode"("shop", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferDiscountCode_shop_offerId_customerId_purpose_key" ON "OfferDiscountCode"("shop", "offerId", "customerId", "purpose");
