/** On-time rate and slack of a set of promises, measured the way the issue defines them. */
export interface PromiseFigures {
  onTimeRate: number;
  meanSlackDays: number;
  medianSlackDays: number;
}

/** Collects (promised, delivered) date pairs; slack is promised − delivered in calendar days. */
export interface PromiseTally {
  add(promisedDay: number, deliveredDay: number): void;
  readonly count: number;
  figures(): PromiseFigures;
}

/** An empty tally. */
export function createPromiseTally(): PromiseTally {
  const slacks: number[] = [];
  return {
    add(promisedDay, deliveredDay) {
      slacks.push(promisedDay - deliveredDay);
    },
    get count() {
      return slacks.length;
    },
    figures() {
      if (!slacks.length) return { onTimeRate: 0, meanSlackDays: 0, medianSlackDays: 0 };
      const sorted = [...slacks].sort((a, b) => a - b);
      const middle = sorted.length >> 1;
      const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
      return {
        onTimeRate: round(sorted.filter((slack) => slack >= 0).length / sorted.length, 4),
        meanSlackDays: round(sorted.reduce((sum, slack) => sum + slack, 0) / sorted.length, 2),
        medianSlackDays: median,
      };
    },
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
