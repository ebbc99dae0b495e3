-- CreateTable
CREATE TABLE "ReturnPolicyVersion" (
    "shop" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    "current" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "version")
);

-- CreateIndex
CREATE INDEX "ReturnPolicyVersion_shop_current_idx" ON "ReturnPolicyVersion"("shop", "current");
