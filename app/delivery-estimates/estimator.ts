import { createStringencyCalibrator } from "./calibration";
import { conditionAtLeast, convolve, logNormalPmf, quantile, type Pmf } from "./distribution";
import { placePromise } from "./promise-rule";
import { explainDuration, summarise, type PromiseExplanation } from "./explanation";
import { createHazardStore, type BlendedDistribution } from "./hazard-store";
import { createInFlightTracker } from "./in-flight";
import { createPromiseTracker } from "./promise-tracker";
import { createWindowCalibration, type WindowCalibration } from "./window-calibration";
import { isoDateOf, localEpochDay, weekdayOf, type EpochDay } from "./local-date";
import {
  estimatorOptionsSchema,
  promiseRequestSchema,
  shipmentEventSchema,
  type EstimatorOptions,
  type Place,
  type PromiseRequest,
  type ShipmentEvent,
  type ShipmentFacts,
} from "./schemas";
import { handlingChain, transitChain } from "./segments";
import { createWorkingCalendar, type WorkingCalendar } from "./working-calendar";

/** A promised delivery date with its range and the reasons behind it. Dates are ISO dates in the destination's time zone. */
export interface EstimatedDelivery {
  promisedDate: string;
  earliest: string;
  latest: string;
  explanation: PromiseExplanation;
}

/** A shop's delivery-date estimator: learns from its own shipments as they move, promises dates, and calibrates. */
export interface Estimator {
  /** Learns from a shipment event; feed events in time order as they happen (or replay history that way). */
  observe(event: ShipmentEvent): void;
  /** The promise for an order at purchase, at hand-off, or at a carrier event; followed up when it has a `shipmentId`. */
  promise(request: PromiseRequest): EstimatedDelivery;
}

/** A fresh estimator that knows only the configured defaults until it observes shipments. */
export function createEstimator(input: EstimatorOptions = {}): Estimator {
  const options = estimatorOptionsSchema.parse(input);
  const bins = options.maxWorkingDays + 1;
  const handling = createHazardStore({ bins, ...options.handling });
  const transit = createHazardStore({ bins, ...options.transit });
  const handlingInFlight = createInFlightTracker(handling, options.maxWorkingDays);
  const transitInFlight = createInFlightTracker(transit, options.maxWorkingDays);
  const handlingDefault = logNormalPmf(options.handling.default.medianWorkingDays, options.handling.default.logSd, bins);
  const transitDefault = logNormalPmf(options.transit.default.medianWorkingDays, options.transit.default.logSd, bins);
  const calibrator = createCalibration();
  const promises = calibrator.tracker;
  const calendars = new Map<string, WorkingCalendar>();
  let today: EpochDay | null = null;

  const calendarFor = (place: Place) => {
    let calendar = calendars.get(place.country);
    if (!calendar) {
      calendar = createWorkingCalendar({ country: place.country }, { weekendDays: options.weekendDays });
      calendars.set(place.country, calendar);
    }
    return calendar;
  };
  /** The integrator for every segment, or in "window" mode the window (with its share of the integrator) for its stages and the integrator for the rest. */
  function createCalibration(): Pick<WindowCalibration, "stringencyFor" | "settledIn" | "relaxTo" | "tracker"> {
    const integrator = createStringencyCalibrator(options.calibration);
    const integratorTracker = createPromiseTracker(integrator);
    if (options.calibration.mode === "integrator") {
      return { stringencyFor: integrator.stringencyFor, settledIn: integrator.settledIn, relaxTo: integrator.relaxTo, tracker: integratorTracker };
    }
    const window = createWindowCalibration({ ...options.calibration, rule: options.rule, maxLevel: options.maxLevel });
    const shares: Partial<Record<string, number>> = options.calibration.windowStages;
    const inWindow = (segment: string) => shares[segment] !== undefined;
    const pick = (segment: string) => (inWindow(segment) ? window : integrator);
    return {
      stringencyFor(segment) {
        const share = shares[segment];
        return share === undefined ? integrator.stringencyFor(segment) : (1 - share) * window.stringencyFor(segment) + share * integrator.stringencyFor(segment);
      },
      settledIn: (segment) => pick(segment).settledIn(segment),
      relaxTo(day) {
        window.relaxTo(day);
        integrator.relaxTo(day);
      },
      tracker: {
        open(shipmentId, promise, pmf) {
          const share = shares[promise.segment];
          if (share !== undefined) window.tracker.open(shipmentId, promise, pmf);
          if (share === undefined || share > 0) integratorTracker.open(shipmentId, promise, pmf);
        },
        advanceTo(day) {
          window.tracker.advanceTo(day);
          integratorTracker.advanceTo(day);
        },
        delivered(shipmentId, day) {
          window.tracker.delivered(shipmentId, day);
          integratorTracker.delivered(shipmentId, day);
        },
        drop(shipmentId) {
          window.tracker.drop(shipmentId);
          integratorTracker.drop(shipmentId);
        },
      },
    };
  }
  const dayOf = (instant: Date) => localEpochDay(instant, options.timeZone);

  /** Moves the clock forward (never back) and counts the waiting shipments of each day passed. */
  function advanceTo(instant: Date): EpochDay {
    const day = dayOf(instant);
    if (today === null || day > today) {
      today = day;
      handlingInFlight.advanceTo(day);
      transitInFlight.advanceTo(day);
      promises.advanceTo(day);
      calibrator.relaxTo(day);
    }
    return day;
  }

  function startHandling(id: string, facts: ShipmentFacts, placedAt: Date): void {
    handlingInFlight.start(id, handlingChain(facts), calendarFor(facts.destination), dayOf(placedAt));
  }
  function startTransit(id: string, facts: ShipmentFacts, handedOffAt: Date): void {
    transitInFlight.start(id, transitChain(facts), calendarFor(facts.destination), dayOf(handedOffAt));
  }

  function blendHandling(facts: ShipmentFacts, at: EpochDay): BlendedDistribution {
    return handling.blend(handlingChain(facts), at, handlingDefault);
  }
  function blendTransit(facts: ShipmentFacts, at: EpochDay): BlendedDistribution {
    return transit.blend(transitChain(facts), at, transitDefault);
  }

  return {
    observe(input) {
      const event = shipmentEventSchema.parse(input);
      const day = advanceTo(event.at);
      switch (event.kind) {
        case "placed":
          startHandling(event.shipmentId, event.facts, event.at);
          break;
        case "handed_off":
          if (handlingInFlight.finish(event.shipmentId, day) === undefined && event.placedAt) {
            startHandling(event.shipmentId, event.facts, event.placedAt);
            handlingInFlight.finish(event.shipmentId, day);
          }
          transitInFlight.drop(event.shipmentId);
          startTransit(event.shipmentId, event.facts, event.at);
          break;
        case "delivered":
          if (transitInFlight.finish(event.shipmentId, day) === undefined && event.handedOffAt) {
            startTransit(event.shipmentId, event.facts, event.handedOffAt);
            transitInFlight.finish(event.shipmentId, day);
          }
          handlingInFlight.drop(event.shipmentId);
          promises.delivered(event.shipmentId, day);
          break;
        case "canceled":
          handlingInFlight.drop(event.shipmentId);
          transitInFlight.drop(event.shipmentId);
          promises.drop(event.shipmentId);
          break;
      }
    },

    promise(input) {
      const request = promiseRequestSchema.parse(input);
      const { facts } = request;
      const calendar = calendarFor(facts.destination);
      const startInstant = request.stage === "purchase" ? request.placedAt : request.handedOffAt;
      const start = dayOf(startInstant);
      const now = advanceTo(request.at ?? startInstant);
      const elapsed = Math.max(0, calendar.elapsedWorkingDays(start, now));

      const transitBlend = blendTransit(facts, now);
      const handlingBlend = request.stage === "purchase" ? blendHandling(facts, now) : undefined;
      const total: Pmf = conditionAtLeast(handlingBlend ? convolve(handlingBlend.pmf, transitBlend.pmf) : transitBlend.pmf, elapsed);

      const segment = request.stage;
      const target = options.stageTargets[request.stage] ?? options.targetOnTimeRate;
      const stringency = calibrator.stringencyFor(segment);
      const outForDelivery = request.stage === "event" && request.status === "out_for_delivery";
      const point = placePromise(total, options.rule, target, stringency, options.maxLevel);
      const workingDays = outForDelivery ? elapsed : point.workingDays;
      const promised = outForDelivery ? now : calendar.addWorkingDays(start, workingDays);
      const earliest = outForDelivery ? now : Math.max(now, calendar.addWorkingDays(start, quantile(total, options.earliestQuantile)));

      const explanationBase = {
        stage: request.stage,
        countingFrom: isoDateOf(start),
        workingDays,
        targetOnTimeRate: target,
        quantileUsed: round(outForDelivery ? 1 : point.onTimeProbability),
        rule: options.rule.kind,
        calibration: { segment, settledPromises: calibrator.settledIn(segment), stringency: round(stringency) },
        elapsedWorkingDays: elapsed,
        ...(handlingBlend ? { handling: explainDuration(handlingBlend) } : {}),
        transit: explainDuration(transitBlend),
        skippedDates: skippedBetween(calendar, options.weekendDays, start, promised),
        calendar: { country: facts.destination.country },
      };
      if (request.shipmentId && !outForDelivery) promises.open(request.shipmentId, { segment, target, calendar, start, promised, workingDays }, total);
      const promisedDate = isoDateOf(promised);
      return {
        promisedDate,
        earliest: isoDateOf(Math.min(earliest, promised)),
        latest: promisedDate,
        explanation: { ...explanationBase, summary: summarise(explanationBase, promisedDate) },
      };
    },
  };
}

function skippedBetween(calendar: WorkingCalendar, weekendDays: readonly number[], from: EpochDay, to: EpochDay): PromiseExplanation["skippedDates"] {
  const skipped: PromiseExplanation["skippedDates"] = [];
  for (let day = from + 1; day < to; day++) {
    if (calendar.isWorkingDay(day)) continue;
    skipped.push({ date: isoDateOf(day), reason: weekendDays.includes(weekdayOf(day)) ? "weekend" : "holiday" });
  }
  return skipped;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
