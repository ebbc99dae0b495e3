/**
 * Reference points for the EDD goals, kept apart from bounds.ts so they can be tested. Each takes, per group of
 * orders (a destination state, a lane), the whole calendar days each order took, and gives the on-time rate and
 * mean slack (promised − delivered day, late orders counting negative) of a promise that is one whole-day offset
 * per group. They answer "how much slack does this goal leave room for on this data?", not "what should we promise?".
 */

export interface Outcome {
  onTimeRate: number;
  meanSlackDays: number;
}

/**
 * The least mean slack with which one offset per group reaches `target` on time, chosen knowing every outcome in
 * advance (in sample). No causal estimator promising by group can do better on the same orders. Offsets grow
 * greedily by the most on-time orders bought per day of slack, looking a few distinct values ahead so a plateau
 * does not stall a group.
 */
export function inSampleBound(groups: readonly (readonly number[])[], target: number): Outcome {
  const sorted = groups.filter((days) => days.length > 0).map((days) => [...days].sort((a, b) => a - b));
  const total = sorted.reduce((sum, days) => sum + days.length, 0);
  if (total === 0) return { onTimeRate: 0, meanSlackDays: 0 };
  const offsets = sorted.map((days) => days[0]!);
  const covered = sorted.map((days, i) => countAtMost(days, offsets[i]!));
  let onTime = covered.reduce((sum, count) => sum + count, 0);

  while (onTime < target * total) {
    let best: { group: number; offset: number; gain: number; ratio: number } | null = null;
    sorted.forEach((days, group) => {
      const ahead = [...new Set(days.filter((day) => day > offsets[group]!))].slice(0, 8);
      for (const offset of ahead) {
        const gain = countAtMost(days, offset) - covered[group]!;
        const ratio = gain / (days.length * (offset - offsets[group]!));
        if (!best || ratio > best.ratio) best = { group, offset, gain, ratio };
      }
    });
    if (!best) break;
    const step: { group: number; offset: number; gain: number } = best;
    offsets[step.group] = step.offset;
    covered[step.group]! += step.gain;
    onTime += step.gain;
  }
  const slack = sorted.reduce((sum, days, i) => sum + days.reduce((inner, day) => inner + offsets[i]! - day, 0), 0);
  return { onTimeRate: onTime / total, meanSlackDays: slack / total };
}

/**
 * A promise from the recent past: each group's offset is read off the days its orders of the previous window
 * took (shrunk toward all groups' days), extended while the next day still holds at least `density` of them;
 * never shorter than the median. Sweeping `density` traces an on-time/slack curve that a simple causal estimator
 * could reach if it knew the window's full outcomes (it slightly flatters it: the window's late parcels are counted
 * before they land).
 */
export function recentPastOffset(groupDays: readonly number[], allDays: readonly number[], density: number, shrinkage = 5): number {
  const maxDay = Math.max(0, ...groupDays, ...allDays);
  const all = histogram(allDays, maxDay);
  const own = histogram(groupDays, maxDay);
  const mass = (day: number) =>
    day > maxDay ? 0 : (own[day]! + (shrinkage * all[day]!) / Math.max(1, allDays.length)) / (groupDays.length + shrinkage);
  let offset = 0;
  let cumulative = mass(0);
  while (cumulative < 0.5 && offset < maxDay) cumulative += mass(++offset);
  while (offset < maxDay && Math.max(mass(offset + 1), (mass(offset + 1) + mass(offset + 2)) / 2) >= density) offset++;
  return offset;
}

/** The slack at `target` on time, read linearly between the two swept points around it (null outside the sweep). */
export function slackAt(points: readonly Outcome[], target: number): number | null {
  const sorted = [...points].sort((a, b) => a.onTimeRate - b.onTimeRate);
  for (let i = 1; i < sorted.length; i++) {
    const [low, high] = [sorted[i - 1]!, sorted[i]!];
    if (low.onTimeRate <= target && target <= high.onTimeRate) {
      const share = high.onTimeRate === low.onTimeRate ? 0 : (target - low.onTimeRate) / (high.onTimeRate - low.onTimeRate);
      return low.meanSlackDays + share * (high.meanSlackDays - low.meanSlackDays);
    }
  }
  return null;
}

function countAtMost(sortedDays: readonly number[], limit: number): number {
  let count = 0;
  while (count < sortedDays.length && sortedDays[count]! <= limit) count++;
  return count;
}

function histogram(days: readonly number[], maxDay: number): number[] {
  const counts = new Array<number>(maxDay + 1).fill(0);
  for (const day of days) counts[day]!++;
  return counts;
}
