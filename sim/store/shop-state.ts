import { throwIfMissing } from "./errors.ts";
import type { NumericId } from "./ids.ts";
import type {
  CollectionRecord,
  CustomerRecord,
  DiscountRecord,
  DraftOrderRecord,
  FulfillmentEventRecord,
  FulfillmentRecord,
  LocationRecord,
  OrderRecord,
  ProductRecord,
  RefundRecord,
  ReturnRecord,
  ReverseDeliveryRecord,
  ReverseFulfillmentOrderRecord,
  ShopRecord,
  StaffUser,
  StoreCreditAccountRecord,
  VariantRecord,
} from "./types.ts";

/** Everything one shop holds. Look-ups always go through a shop, so data never leaks across shops. */
export class ShopState {
  readonly staff: StaffUser[] = [];
  readonly locations = new Map<NumericId, LocationRecord>();
  readonly products = new Map<NumericId, ProductRecord>();
  readonly collections = new Map<NumericId, CollectionRecord>();
  readonly variants = new Map<NumericId, VariantRecord>();
  readonly customers = new Map<NumericId, CustomerRecord>();
  readonly orders = new Map<NumericId, OrderRecord>();
  readonly fulfillments = new Map<NumericId, FulfillmentRecord>();
  readonly fulfillmentEvents = new Map<NumericId, FulfillmentEventRecord>();
  readonly refunds = new Map<NumericId, RefundRecord>();
  readonly returns = new Map<NumericId, ReturnRecord>();
  readonly reverseFulfillmentOrders = new Map<NumericId, ReverseFulfillmentOrderRecord>();
  readonly reverseDeliveries = new Map<NumericId, ReverseDeliveryRecord>();
  /** By customer id: one account per customer (the shop's currency). */
  readonly storeCreditAccounts = new Map<NumericId, StoreCreditAccountRecord>();
  readonly discounts = new Map<NumericId, DiscountRecord>();
  readonly draftOrders = new Map<NumericId, DraftOrderRecord>();

  constructor(readonly shop: ShopRecord) {}

  order(id: NumericId): OrderRecord {
    return throwIfMissing(this.orders.get(id), `Order ${id}`);
  }

  fulfillment(id: NumericId): FulfillmentRecord {
    return throwIfMissing(this.fulfillments.get(id), `Fulfillment ${id}`);
  }

  customer(id: NumericId): CustomerRecord {
    return throwIfMissing(this.customers.get(id), `Customer ${id}`);
  }

  variant(id: NumericId): VariantRecord {
    return throwIfMissing(this.variants.get(id), `ProductVariant ${id}`);
  }

  refund(id: NumericId): RefundRecord {
    return throwIfMissing(this.refunds.get(id), `Refund ${id}`);
  }

  return(id: NumericId): ReturnRecord {
    return throwIfMissing(this.returns.get(id), `Return ${id}`);
  }

  reverseFulfillmentOrder(id: NumericId): ReverseFulfillmentOrderRecord {
    return throwIfMissing(this.reverseFulfillmentOrders.get(id), `ReverseFulfillmentOrder ${id}`);
  }

  reverseDelivery(id: NumericId): ReverseDeliveryRecord {
    return throwIfMissing(this.reverseDeliveries.get(id), `ReverseDelivery ${id}`);
  }

  reverseFulfillmentOrdersOf(record: ReturnRecord): ReverseFulfillmentOrderRecord[] {
    return record.reverseFulfillmentOrderIds.map((id) => this.reverseFulfillmentOrder(id));
  }

  fulfillmentsOf(order: OrderRecord): FulfillmentRecord[] {
    return order.fulfillmentIds.map((id) => this.fulfillment(id));
  }

  refundsOf(order: OrderRecord): RefundRecord[] {
    return order.refundIds.map((id) => this.refund(id));
  }

  returnsOf(order: OrderRecord): ReturnRecord[] {
    return order.returnIds.map((id) => this.return(id));
  }

  eventsOf(fulfillment: FulfillmentRecord): FulfillmentEventRecord[] {
    return fulfillment.eventIds.map((id) => throwIfMissing(this.fulfillmentEvents.get(id), `FulfillmentEvent ${id}`));
  }

  primaryLocation(): LocationRecord {
    return throwIfMissing(this.locations.get(this.shop.primaryLocationId), "Primary location");
  }

  /** The smart collections a product is in (their rule matches its product type). */
  collectionsOf(product: ProductRecord): CollectionRecord[] {
    return [...this.collections.values()].filter((collection) => collection.productType === product.productType);
  }

  owner(): StaffUser {
    return throwIfMissing(this.staff[0], "Shop owner");
  }
}
