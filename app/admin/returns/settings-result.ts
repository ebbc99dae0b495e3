import type { LabelSettingsView } from "~/returns/labels/label-settings";
import type { SimulationResult } from "~/returns/simulation";

/** What the return policy page's action answers: a save, a simulation, the label settings, or field errors (422). */
export type SettingsActionResult =
  | { intent: "save"; ok: true }
  | { intent: "labels"; ok: true; labels: LabelSettingsView }
  | { intent: "simulate"; ok: true; simulation: SimulationResult }
  | { intent: "error"; ok: false; message: string; fieldErrors: Record<string, string[]> };
