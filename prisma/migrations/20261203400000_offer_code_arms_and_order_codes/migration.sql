-- The A/B arm a next-order code was issued for, so its impressions and copies count for that arm.
ALTER TABLE "OfferDiscountCode" ADD COLUMN "armId" TEXT NOT NULL DEFAULT '';

-- The discount codes the shopper used on the order (JSON array of text), for targeting by codes used.
ALTER TABLE "Order" ADD COLUMN "discountCodes" TEXT;
