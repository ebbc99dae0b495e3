-- CreateTable
CREATE TABLE "TrackingPageEvent" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "visitorHash" TEXT NOT NULL,
    "marketingShown" BOOLEAN NOT NULL DEFAULT false,
    "target" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrackingPageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrackingPageRateLimit" (
    "shop" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "windowIndex" INTEGER NOT NULL,
    "hits" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TrackingPageRateLimit_pkey" PRIMARY KEY ("shop", "subject", "windowIndex")
);

-- CreateIndex
CREATE INDEX "TrackingPageEvent_shop_occurredAt_idx" ON "TrackingPageEvent"("shop", "occurredAt");

-- CreateIndex
CREATE INDEX "TrackingPageEvent_shop_orderId_occurredAt_idx" ON "TrackingPageEvent"("shop", "orderId", "occurredAt");
