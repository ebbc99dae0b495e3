import type { EstimatorOptions } from "../schemas";
import { walkCausally, type EvaluationReport, type WalkPromise } from "./causal-walk";
import { readOlistOrders, readOlistSellers } from "./read-olist.server";

export interface OlistEvaluationInput {
  trainDir: string;
  testDir: string;
  options?: EstimatorOptions;
  onPromise?: (promise: WalkPromise) => void;
}

/** Trains on one directory in the Olist layout and scores the promises made, causally, for another. */
export function evaluateOlistDirs(input: OlistEvaluationInput): EvaluationReport {
  const sellers = readOlistSellers([input.trainDir, input.testDir]);
  return walkCausally({
    train: readOlistOrders(input.trainDir, sellers),
    test: readOlistOrders(input.testDir, sellers),
    options: input.options,
    onPromise: input.onPromise,
  });
}
