-- CreateTable
CREATE TABLE "DeliveryObservation" (
    "shop" TEXT NOT NULL,
    "shipmentId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "originId" TEXT NOT NULL,
    "originCountry" TEXT NOT NULL,
    "originRegion" TEXT,
    "destinationCountry" TEXT NOT NULL,
    "destinationRegion" TEXT,
    "destinationPostalPrefix" TEXT,
    "carrier" TEXT,
    "service" TEXT,
    "placedAt" TIMESTAMP(3) NOT NULL,
    "handedOffAt" TIMESTAMP(3) NOT NULL,
    "deliveredAt" TIMESTAMP(3) NOT NULL,
    "shippingCost" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliveryObservation_pkey" PRIMARY KEY ("shop", "shipmentId")
);

-- CreateTable
CREATE TABLE "DeliveryPromise" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "shipmentId" TEXT,
    "stage" TEXT NOT NULL,
    "basisKey" TEXT NOT NULL,
    "promisedDate" TEXT NOT NULL,
    "earliestDate" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "madeAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliveryPromise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryQuote" (
    "shop" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "validOn" TEXT NOT NULL,
    "earliestDate" TEXT NOT NULL,
    "promisedDate" TEXT NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryQuote_pkey" PRIMARY KEY ("shop", "country", "region")
);

-- CreateIndex
CREATE INDEX "DeliveryObservation_shop_createdAt_idx" ON "DeliveryObservation"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "DeliveryObservation_shop_deliveredAt_idx" ON "DeliveryObservation"("shop", "deliveredAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryPromise_shop_orderId_basisKey_key" ON "DeliveryPromise"("shop", "orderId", "basisKey");

-- CreateIndex
CREATE INDEX "DeliveryPromise_shop_orderId_madeAt_idx" ON "DeliveryPromise"("shop", "orderId", "madeAt");

-- CreateIndex
CREATE INDEX "DeliveryPromise_shop_madeAt_idx" ON "DeliveryPromise"("shop", "madeAt");
