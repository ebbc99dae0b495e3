import type { SimulationResult } from "~/returns/simulation";

/** What the return policy page's action answers: a save, a simulation, or field errors (422). */
export type SettingsActionResult =
  | { intent: "save"; ok: true }
  | { intent: "simulate"; ok: true; simulation: SimulationResult }
  | { intent: "error"; ok: false; message: string; fieldErrors: Record<string, string[]> };
