import type { TCaseTheme } from "@runder-tisch/contracts";
import type { Executor } from "@runder-tisch/db";
import { fieldNotOffered } from "../../errors.ts";
import { loadActiveThemeKeys } from "./theme-catalogue.ts";

/**
 * A theme written anew must be one the Kreis offers: in the catalogue and switched on.
 * `kept` are themes the record already carries; they stay even when switched off since.
 */
export async function checkOfferedThemes(
  db: Executor,
  field: string,
  themes: readonly TCaseTheme[],
  kept: readonly string[] = [],
): Promise<void> {
  const added = themes.filter((theme) => !kept.includes(theme));
  if (added.length === 0) return;
  const offered = new Set<string>(await loadActiveThemeKeys(db));
  if (added.some((theme) => !offered.has(theme))) {
    throw fieldNotOffered(field, "unknown_theme", "The theme is not offered in this Kreis");
  }
}
