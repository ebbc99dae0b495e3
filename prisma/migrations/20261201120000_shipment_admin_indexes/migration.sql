-- The admin shipments list: sorted by last activity, filtered by ship date and carrier, always within one shop.
CREATE INDEX "Shipment_shop_lastEventAt_idx" ON "Shipment"("shop", "lastEventAt");

CREATE INDEX "Shipment_shop_shippedAt_idx" ON "Shipment"("shop", "shippedAt");

CREATE INDEX "Shipment_shop_carrier_idx" ON "Shipment"("shop", "carrier");
