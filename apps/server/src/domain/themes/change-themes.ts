import {
  CASE_THEMES,
  type TCaseTheme,
  type TCreateThemeRequest,
  THEME_CATALOGUE_MAX,
  type TTheme,
  type TUpdateThemeRequest,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { conflict, fieldRefused, notFound } from "../../errors.ts";
import { germanThemeName, loadThemeCatalogue } from "./theme-catalogue.ts";
import { themeKeyFromLabel } from "./theme-key-from-label.ts";

const themes = schema.themes;

/** Two themes of one name could not be told apart in a list or a count. */
function checkNameFree(catalogue: TTheme[], label: string, except?: string): void {
  const wanted = label.toLocaleLowerCase("de");
  const taken = catalogue.some(
    (theme) =>
      theme.key !== except && germanThemeName(theme, theme.key).toLocaleLowerCase("de") === wanted,
  );
  if (taken) throw conflict("theme_label_taken", "Another theme already has this name");
}

/** Adds a Kreis's own theme, switched on, after the others. */
export async function createTheme(
  tx: Executor,
  input: TCreateThemeRequest,
  userId: string,
): Promise<TTheme> {
  const catalogue = await loadThemeCatalogue(tx);
  if (catalogue.length >= THEME_CATALOGUE_MAX) {
    throw conflict("too_many", `A catalogue holds at most ${THEME_CATALOGUE_MAX} themes`);
  }
  checkNameFree(catalogue, input.labelDe);
  const key = themeKeyFromLabel(input.labelDe, new Set(catalogue.map((theme) => theme.key)));
  await tx.insert(themes).values({
    key,
    labelDe: input.labelDe,
    labelEn: input.labelEn ?? null,
    createdBy: userId,
  });
  return {
    key,
    labels: { de: input.labelDe, en: input.labelEn ?? null },
    active: true,
    isDefault: false,
  };
}

/** Renames or switches a theme; what cases, obstacles and minutes carry stays as it is. */
export async function updateTheme(
  tx: Executor,
  key: TCaseTheme,
  input: TUpdateThemeRequest,
): Promise<TTheme> {
  const catalogue = await loadThemeCatalogue(tx);
  const current = catalogue.find((theme) => theme.key === key);
  if (!current) throw notFound("Theme");
  const isDefault = (CASE_THEMES as readonly string[]).includes(key);
  if (!isDefault && input.labelDe === null) {
    throw fieldRefused("labelDe", "required", "A Kreis's own theme needs a German name");
  }
  if (input.labelDe) checkNameFree(catalogue, input.labelDe, key);
  const next: TTheme = {
    ...current,
    labels: {
      de: input.labelDe !== undefined ? input.labelDe : current.labels.de,
      en: input.labelEn !== undefined ? input.labelEn : current.labels.en,
    },
    active: input.active ?? current.active,
  };
  const values = {
    labelDe: next.labels.de,
    labelEn: next.labels.en,
    active: next.active,
    updatedAt: new Date(),
  };
  await tx
    .insert(themes)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: themes.key, set: values });
  return next;
}
