-- Shipping lines of orders: the shop's own shipping charges, which carrier recommendations weigh as cost.
CREATE TABLE "ShippingLine" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "code" TEXT,
    "source" TEXT,
    "carrierIdentifier" TEXT,
    "price" TEXT NOT NULL,
    "discountedPrice" TEXT,
    "currencyCode" TEXT,
    "isRemoved" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("shop", "id")
);

-- CreateIndex
CREATE INDEX "ShippingLine_shop_orderId_idx" ON "ShippingLine"("shop", "orderId");

-- Shipping charges are read from the order's shipping lines; the observation's column was never filled.
ALTER TABLE "DeliveryObservation" DROP COLUMN "shippingCost";

-- Storefront quotes per shipping location: a precompute, rewritten hourly by delivery-estimates.quotes, so the
-- table is rebuilt rather than migrated (its primary key gains originId).
DROP TABLE "DeliveryQuote";
CREATE TABLE "DeliveryQuote" (
    "shop" TEXT NOT NULL,
    "originId" TEXT NOT NULL DEFAULT 'default',
    "country" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "validOn" TEXT NOT NULL,
    "earliestDate" TEXT NOT NULL,
    "promisedDate" TEXT NOT NULL,
    "computedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "originId", "country", "region")
);

-- Where each variant usually ships from, for the storefront's per-variant quote.
CREATE TABLE "DeliveryVariantOrigin" (
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "originId" TEXT NOT NULL,
    "parcels" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "variantId")
);
