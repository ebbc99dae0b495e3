-- CreateTable
CREATE TABLE "ExceptionAction" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "exceptionId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "result" TEXT,
    "claimedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExceptionAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExceptionDigest" (
    "shop" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "since" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "exceptionCount" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "claimedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExceptionDigest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExceptionAction_shop_exceptionId_action_key" ON "ExceptionAction"("shop", "exceptionId", "action");

-- CreateIndex
CREATE UNIQUE INDEX "ExceptionDigest_shop_period_key" ON "ExceptionDigest"("shop", "period");

-- CreateIndex
CREATE INDEX "ExceptionDigest_shop_until_idx" ON "ExceptionDigest"("shop", "until");
