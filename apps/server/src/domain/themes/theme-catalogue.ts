import { CASE_THEMES, type TCaseTheme, type TTheme } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { asc } from "drizzle-orm";
import { DEFAULT_THEME_NAMES } from "./default-theme-names.ts";

const themes = schema.themes;

/**
 * The Kreis's catalogue: the twelve defaults in their order (with the Kreis's wording
 * and switch where it changed them), then the Kreis's own themes by creation.
 */
export async function loadThemeCatalogue(db: Executor): Promise<TTheme[]> {
  const rows = await db.select().from(themes).orderBy(asc(themes.createdAt), asc(themes.key));
  const changed = new Map(rows.map((row) => [row.key, row]));
  const defaults = CASE_THEMES.map((key): TTheme => {
    const row = changed.get(key);
    return {
      key,
      labels: { de: row?.labelDe ?? null, en: row?.labelEn ?? null },
      active: row?.active ?? true,
      isDefault: true,
    };
  });
  const own = rows
    .filter((row) => !(CASE_THEMES as readonly string[]).includes(row.key))
    .map(
      (row): TTheme => ({
        key: row.key,
        labels: { de: row.labelDe, en: row.labelEn },
        active: row.active,
        isDefault: false,
      }),
    );
  return [...defaults, ...own];
}

/** Keys offered for new cases, obstacles and topics, in catalogue order. */
export async function loadActiveThemeKeys(db: Executor): Promise<TCaseTheme[]> {
  return (await loadThemeCatalogue(db)).filter((theme) => theme.active).map((theme) => theme.key);
}

/** The German name of a theme as the catalogue says it; the key itself for one it never knew. */
export function germanThemeName(theme: TTheme | undefined, key: string): string {
  if (theme?.labels.de) return theme.labels.de;
  return DEFAULT_THEME_NAMES[key as keyof typeof DEFAULT_THEME_NAMES] ?? key;
}

/** Every key's German name, for documents written in German (minutes, the case export). */
export async function loadGermanThemeNames(db: Executor): Promise<Map<string, string>> {
  const catalogue = await loadThemeCatalogue(db);
  return new Map(catalogue.map((theme) => [theme.key, germanThemeName(theme, theme.key)]));
}
