import type { CaseTheme } from "@runder-tisch/contracts";

/** The twelve default themes in the German the minutes and the export are written in. */
export const DEFAULT_THEME_NAMES: Record<CaseTheme, string> = {
  residence: "Aufenthalt",
  identity_clarification: "Identitätsklärung",
  language: "Sprache",
  work: "Arbeit",
  training: "Ausbildung",
  housing: "Wohnen",
  health: "Gesundheit",
  family: "Familie",
  education: "Schule und Bildung",
  mobility: "Mobilität",
  dealing_with_authorities: "Umgang mit Behörden",
  finances: "Finanzen",
};

/** A theme's German name from the Kreis's names, else the default, else its key. */
export function themeNameIn(names: ReadonlyMap<string, string>, key: string): string {
  return names.get(key) ?? DEFAULT_THEME_NAMES[key as CaseTheme] ?? key;
}
