const DAY_MS = 86_400_000;

/**
 * When an order placed at `placedAt` should have shipped: `handlingDays` shipping days later (days the warehouse
 * ships on, counted in UTC), at the same time of day. Zero handling days means the same day.
 */
export function handlingDeadline(placedAt: Date, handlingDays: number, shippingWeekdays: readonly number[]): Date {
  const shipsOn = new Set(shippingWeekdays.length ? shippingWeekdays : [1, 2, 3, 4, 5, 6, 7]);
  let deadline = placedAt.getTime();
  for (let counted = 0; counted < handlingDays; ) {
    deadline += DAY_MS;
    if (shipsOn.has(isoWeekday(new Date(deadline)))) counted++;
  }
  return new Date(deadline);
}

function isoWeekday(date: Date): number {
  return date.getUTCDay() === 0 ? 7 : date.getUTCDay();
}
