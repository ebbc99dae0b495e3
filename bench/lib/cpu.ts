import { readFileSync } from "node:fs";

interface Sample {
  at: number;
  busy: number;
  total: number;
}

/** The whole machine's CPU counters (all cores, in clock ticks), from Linux's /proc/stat. */
function readCpu(): Sample {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { at: Date.now(), busy: total - idle, total };
}

/**
 * Samples the machine's CPU every `everyMs` until stopped; `busyBetween` says what share of all cores was busy
 * in a window (1 = every core all the time), to tell a queue that cannot go faster from one that waits.
 */
export function startCpuSampler(everyMs = 100) {
  const samples: Sample[] = [readCpu()];
  const timer = setInterval(() => samples.push(readCpu()), everyMs);
  return {
    stop(): void {
      clearInterval(timer);
      samples.push(readCpu());
    },
    busyBetween(from: Date, to: Date): number {
      const first = [...samples].reverse().find((sample) => sample.at <= from.getTime()) ?? samples[0]!;
      const last = samples.find((sample) => sample.at >= to.getTime()) ?? samples.at(-1)!;
      const total = last.total - first.total;
      return total > 0 ? Math.round(((last.busy - first.busy) / total) * 100) / 100 : Number.NaN;
    },
  };
}
