import { z } from "zod";

/** A place on a shipment: country (ISO 3166-1 alpha-2), state/province code, postal code. */
export const placeSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code"),
  region: z.string().min(1).optional(),
  postalCode: z.string().min(1).optional(),
});

/** What the estimator knows about a shipment before it moves: who ships it, from where, to where, how. */
export const shipmentFactsSchema = z.object({
  /** The location (or seller) that picks and packs the order; its own handling history is the best guide. */
  originId: z.string().min(1),
  origin: placeSchema,
  destination: placeSchema,
  carrier: z.string().min(1).optional(),
  service: z.string().min(1).optional(),
});

/**
 * What happened to a shipment, fed to the estimator in time order as it happens. `placedAt`/`handedOffAt`
 * let history be replayed without the earlier events; live, the earlier event was already observed.
 */
export const shipmentEventSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("placed"), shipmentId: z.string().min(1), facts: shipmentFactsSchema, at: z.date() }),
  z.object({ kind: z.literal("handed_off"), shipmentId: z.string().min(1), facts: shipmentFactsSchema, at: z.date(), placedAt: z.date().optional() }),
  z.object({ kind: z.literal("delivered"), shipmentId: z.string().min(1), facts: shipmentFactsSchema, at: z.date(), handedOffAt: z.date().optional() }),
  z.object({ kind: z.literal("canceled"), shipmentId: z.string().min(1), at: z.date() }),
]);

const carrierEventStatusSchema = z.enum(["in_transit", "out_for_delivery", "delayed"]);

/**
 * When a promise is asked for: at purchase, at carrier hand-off, or at a later carrier event. With a
 * `shipmentId` the promise is followed until the shipment's delivery (or the date passing) and calibrates
 * later ones; without, it is a what-if (a product page) that teaches nothing.
 */
const promiseBase = { facts: shipmentFactsSchema, shipmentId: z.string().min(1).optional() };
export const promiseRequestSchema = z.discriminatedUnion("stage", [
  z.object({ stage: z.literal("purchase"), ...promiseBase, placedAt: z.date(), at: z.date().optional() }),
  z.object({ stage: z.literal("handoff"), ...promiseBase, handedOffAt: z.date(), at: z.date().optional() }),
  z.object({ stage: z.literal("event"), ...promiseBase, handedOffAt: z.date(), at: z.date(), status: carrierEventStatusSchema.default("in_transit") }),
]);

const onTimeRate = z.number().gt(0.5).lt(1);

const distributionDefaultSchema = z.object({
  medianWorkingDays: z.number().positive(),
  logSd: z.number().positive(),
});

/** How one phase's durations are learned (see hazard-store.ts); the defaults are what the Olist evaluation supports. */
function durationModelSchema(defaults: { priorStrength: number; medianWorkingDays: number; logSd: number }) {
  return z
    .object({
      /** Segments' own history halves in weight over this many days: lanes and locations change slowly. */
      halfLifeDays: z.number().positive().default(90),
      priorStrength: z.number().positive().default(defaults.priorStrength),
      defaultStrength: z.number().positive().default(1),
      /** Current conditions (peak backlogs, slowdowns) are read from the last weeks of all shipments. */
      conditions: z
        .object({
          halfLifeDays: z.number().positive(),
          strength: z.number().positive(),
          /**
           * "speed": one time-scale factor stretches or shrinks the whole distribution (see hazard-store.ts
           * `speedOf`); "hazard": each day's completion hazard is scaled by its own recent ratio.
           */
          mode: z.enum(["hazard", "speed"]).default("speed"),
          /** How many rungs, broadest first, track their own speed (each shrunk toward its parent's). */
          speedLevels: z.number().int().min(1).default(1),
        })
        .nullable()
        .default({ halfLifeDays: 10, strength: 10, mode: "speed", speedLevels: 1 }),
      /** The carrier/service default, used while there is little history. */
      default: distributionDefaultSchema.default({ medianWorkingDays: defaults.medianWorkingDays, logSd: defaults.logSd }),
    })
    .prefault({});
}

/** How an estimator is tuned; every field has a default that the Olist evaluation supports. */
export const estimatorOptionsSchema = z.object({
  /** The destination's time zone: promises are calendar dates there. */
  timeZone: z.string().min(1).default("UTC"),
  /** Share of deliveries that should land on or before the promised date. */
  targetOnTimeRate: onTimeRate.default(0.93),
  /** A different target for promises made at a given stage (a shop may promise tighter once the parcel moves). */
  stageTargets: z.object({ purchase: onTimeRate.optional(), handoff: onTimeRate.optional(), event: onTimeRate.optional() }).default({}),
  /** The range shown to shoppers starts at this quantile and ends at the promised date. */
  earliestQuantile: z.number().gt(0).lt(0.5).default(0.2),
  /** Days of the week without deliveries (0 = Sunday). */
  weekendDays: z.array(z.number().int().min(0).max(6)).default([0, 6]),
  /** Longest duration tracked, in working days; longer ones count as this. */
  maxWorkingDays: z.number().int().min(10).max(365).default(90),
  /** Purchase to carrier hand-off, pooled by location. */
  handling: durationModelSchema({ priorStrength: 6, medianWorkingDays: 2, logSd: 0.8 }),
  /** Hand-off to delivery, pooled by carrier service and lane. */
  transit: durationModelSchema({ priorStrength: 12, medianWorkingDays: 5, logSd: 0.7 }),
  /** Where in the predicted distribution the promise goes; see promise-rule.ts. */
  rule: z
    .discriminatedUnion("kind", [
      z.object({ kind: z.literal("quantile") }),
      z.object({ kind: z.literal("marginal"), baseDensity: z.number().positive().max(1).default(0.02), floorLevel: z.number().gt(0).lt(1).default(0.8) }),
    ])
    .default({ kind: "marginal", baseDensity: 0.02, floorLevel: 0.8 }),
  /** Promises are never read beyond this quantile, however erratic the history. */
  maxLevel: z.number().gt(0.5).lt(1).default(0.995),
  calibration: z
    .object({
      /**
       * "integrator": two-timescale adaptive conformal inference over late/on-time evidence (calibration.ts).
       * "window": each stage in `windowStages` re-solves its knob daily so that the promises of the last days
       * would have met the target (window-calibration.ts) and mixes in that share of the integrator's knob,
       * which keeps the realised rate on target over the long run; other stages keep the integrator alone.
       * With the defaults the Olist cuts need 0.35–0.9 d less purchase slack and up to 0.3 d less hand-off
       * slack at equal on-time after Black Friday and a speed-up, the same in calm months (bench/edd/README.md).
       */
      mode: z.enum(["integrator", "window"]).default("window"),
      windowStages: z.partialRecord(z.enum(["purchase", "handoff", "event"]), z.number().min(0).max(1)).default({ purchase: 0.3, handoff: 0.5 }),
      /** Window mode: promises weigh half as much every this many days since they were made. */
      halfLifeDays: z.number().positive().default(0.5),
      /** Window mode: the knob is searched in steps of this size. */
      gridStep: z.number().positive().default(0.02),
      /** Window mode: the solved knob is shrunk toward 0 by weight / (weight + priorWeight): a thin window says little. */
      priorWeight: z.number().nonnegative().default(20),
      slowRate: z.number().nonnegative().max(1).default(0.005),
      fastRate: z.number().nonnegative().max(1).default(0.02),
      dailyRelaxation: z.number().min(0).max(1).default(0.2),
      limit: z.number().positive().default(3),
    })
    .prefault({}),
});

export type Place = z.infer<typeof placeSchema>;
export type ShipmentFacts = z.infer<typeof shipmentFactsSchema>;
export type ShipmentEvent = z.infer<typeof shipmentEventSchema>;
export type PromiseRequest = z.input<typeof promiseRequestSchema>;
export type CarrierEventStatus = z.infer<typeof carrierEventStatusSchema>;
export type EstimatorOptions = z.input<typeof estimatorOptionsSchema>;
